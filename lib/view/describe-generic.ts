import type { GiteeEvent } from '../gitee/event';
import {
  pageLinks,
  repositoryHome,
  repositoryLink,
  repositoryShortName,
  type DescribeContext,
} from './spans';
import { genericSubject } from './subject';
import { MAX, emptyView, user, word, type EventView } from './event-view';
import { fillTemplate } from './fill-template';
import { actorSpan, firstPerson } from './people';
import { fieldOf } from './payload-values';

/** Actions that add nothing to "a push event": the event name already says it. */
const PLAIN_ACTIONS = new Set(['push', 'unknown']);

/**
 * A short, honest message for an event no describer can say more about (an IM-robot body
 * without a ref, a payload missing what its kind needs): which repository, who, what kind,
 * and a link to the repository. It reads only values the parser guarantees.
 */
export function describeGeneric(event: GiteeEvent, ctx: DescribeContext): EventView {
  const { t } = ctx;
  const payload: unknown = event.payload;
  const actor = firstPerson(
    fieldOf(payload, 'sender'),
    fieldOf(payload, 'pusher'),
    fieldOf(payload, 'user'),
  );
  const view = emptyView(
    fillTemplate(actor ? t.generic.withActor : t.generic.withoutActor, {
      actor: actorSpan(actor, t.someone),
      repo: repositoryShortName(event),
      event: word(t.events[event.kind]),
    }),
    { subject: genericSubject(event), home: repositoryHome(event.repository, t) },
  );
  view.context = repositoryLink(event);
  if (!PLAIN_ACTIONS.has(event.action)) {
    view.facts.push({ label: t.generic.action, value: [user(event.action, MAX.label)] });
  }
  view.links = pageLinks([[t.links.repository, event.repository.url]]);
  return view;
}
