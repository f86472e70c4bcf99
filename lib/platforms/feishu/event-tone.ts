import type { EventKind } from '../../gitee/event';
import type { EventView } from '../../view/event-view';
import type { LocaleText } from '../../view/locales/locale-text';
import { subjectKind } from '../../view/subject';
import type { CardTemplate } from './message';

/**
 * A card's header colour by event (feishu-wecom-robot-api.md §6: push blue, tag wathet, PR
 * opened orange / merged green / closed grey, issue opened turquoise / closed grey, comment
 * indigo, delete red), and the event's name for the footer.
 */
export interface EventTone {
  template: CardTemplate;
  /** "推送", "PR", …; null for the Test ping and a subject no kind explains. */
  event: string | null;
}

interface KindColours {
  /** Every action not listed: a pull request still open (updated, reviewed, tested) too. */
  usual: CardTemplate;
  actions: Readonly<Record<string, CardTemplate>>;
}

const COLOURS: Readonly<Record<EventKind, KindColours>> = {
  push: { usual: 'blue', actions: { delete: 'red' } },
  tag_push: { usual: 'wathet', actions: { delete: 'red' } },
  issue: { usual: 'turquoise', actions: { close: 'grey', reject: 'grey', delete: 'red' } },
  pull_request: { usual: 'orange', actions: { merge: 'green', close: 'grey' } },
  comment: { usual: 'indigo', actions: { deleted: 'red' } },
};

/**
 * Read from the view's subject, never from its words, so nothing a user typed can choose the
 * colour. A generic view has the colour of its kind whatever the action: it says only that an
 * event of that kind came.
 */
export function eventTone(view: EventView, t: LocaleText): EventTone {
  const { subject } = view;
  if (subject.event === 'ping') return { template: 'green', event: null };
  const kind = subjectKind(subject);
  if (kind === null) return { template: 'blue', event: null };
  const { usual, actions } = COLOURS[kind];
  const action = subject.event === 'generic' ? null : subject.action;
  const template = action !== null && Object.hasOwn(actions, action) ? actions[action]! : usual;
  return { template, event: t.events[kind] };
}
