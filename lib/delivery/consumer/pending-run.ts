import type { Settings } from '../../settings/types';
import type { PendingEvent } from '../ports';
import { classifyEvent, type ClassifiedEvent } from './classify-event';

export interface LivePending {
  pending: PendingEvent;
  event: Extract<ClassifiedEvent, { ok: true }>;
}

export interface DeadPending {
  pending: PendingEvent;
  event: Extract<ClassifiedEvent, { ok: false }>;
}

/**
 * Pending events as the flush token finds them: those still deliverable, and those that go
 * to the DLQ (a robot removed from the settings, a day in the table since the message entered
 * the queue, 90 failed digests). The same checks as for a record, so a pending event is
 * judged as its record would have been.
 */
export function sortPending(
  list: readonly PendingEvent[],
  settings: Settings,
  now: number,
): { live: LivePending[]; dead: DeadPending[] } {
  const live: LivePending[] = [];
  const dead: DeadPending[] = [];
  for (const pending of list) {
    const facts = { sentTimestamp: pending.sentTimestamp, tries: pending.attempts };
    const event = classifyEvent(pending.body, facts, settings, now);
    if (event.ok) live.push({ pending, event });
    else dead.push({ pending, event });
  }
  return { live, dead };
}

/**
 * The events from the front that are for the first one's robot: names sharing a credential
 * share the queue group, but each name has its own keywords and msgtype, so a digest is for
 * one name, and order is kept by never reaching past another name's event.
 */
export function leadingRun(live: readonly LivePending[]): LivePending[] {
  const name = live[0]?.event.robot.name;
  const end = live.findIndex((entry) => entry.event.robot.name !== name);
  return live.slice(0, end === -1 ? live.length : end);
}
