import { isEventKind } from '../gitee/actions';
import type { EventKind, GiteeEvent, ParsedDelivery } from '../gitee/event';
import type { Subject } from './event-view';

/** What a describer of this delivery's kind writes about: its kind and the parser's action. */
export function subjectOf(delivery: ParsedDelivery): Subject {
  return delivery.kind === 'ping'
    ? { event: 'ping', action: 'ping' }
    : { event: delivery.kind, action: delivery.action };
}

/** The generic view of an event still says which kind it stands for, in its action. */
export function genericSubject(event: GiteeEvent): Subject {
  return { event: 'generic', action: `${event.kind}.${event.action}` };
}

/**
 * The kind of event a view shows: its subject's, or for a generic view the kind its action
 * names. Null for the ping and for a subject no kind explains (one read back from a queue
 * message written by another version).
 */
export function subjectKind(subject: Subject): EventKind | null {
  if (subject.event === 'ping') return null;
  const kind = subject.event === 'generic' ? subject.action.split('.', 1)[0]! : subject.event;
  return isEventKind(kind) ? kind : null;
}
