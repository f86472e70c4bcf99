import type { EventKind } from '../../gitee/event';
import type { EventView, Span } from '../../view/event-view';
import type {
  IssueHeadline,
  LocaleText,
  PullRequestHeadline,
} from '../../view/locales/locale-text';
import type { CardTemplate } from './message';

/**
 * A card's header colour by event (feishu-wecom-robot-api.md §6: push blue, tag wathet, PR
 * opened orange / merged green / closed grey, issue opened turquoise / closed grey, comment
 * indigo, delete red), and the event's name for the footer.
 */
export interface EventTone {
  template: CardTemplate;
  /** "推送", "PR", …; null for the Test ping and events no describer knows. */
  event: string | null;
}

const ISSUE: Readonly<Record<IssueHeadline, CardTemplate>> = {
  open: 'turquoise',
  reopen: 'turquoise',
  state_change: 'turquoise',
  assign: 'turquoise',
  unassign: 'turquoise',
  update: 'turquoise',
  close: 'grey',
  reject: 'grey',
  delete: 'red',
};

// A pull request still open (updated, reviewed, tested) keeps the colour of one waiting.
const PULL_REQUEST: Readonly<Record<PullRequestHeadline, CardTemplate>> = {
  open: 'orange',
  reopen: 'orange',
  source_branch_changed: 'orange',
  target_branch_changed: 'orange',
  update_label: 'orange',
  update: 'orange',
  approved: 'orange',
  tested: 'orange',
  test: 'orange',
  assign: 'orange',
  merge: 'green',
  close: 'grey',
};

const COMMENT = { comment: 'indigo', edited: 'indigo', deleted: 'red' } as const;

/** An event only the generic describer could say something about, by its kind. */
const KIND: Readonly<Record<EventKind, CardTemplate>> = {
  push: 'blue',
  tag_push: 'wathet',
  issue: 'turquoise',
  pull_request: 'orange',
  comment: 'indigo',
};

type Entry = readonly [template: string, colour: CardTemplate, kind: EventKind | null];

function entries(t: LocaleText, view: EventView): Entry[] {
  const each = <K extends string>(
    templates: Readonly<Record<K, string>>,
    colours: Readonly<Record<K, CardTemplate>>,
    kind: EventKind,
  ): Entry[] =>
    (Object.keys(colours) as K[]).map((key) => [templates[key], colours[key], kind] as const);
  return [
    [t.push.commits(view.itemTotal), 'blue', 'push'],
    [t.push.branchUpdated, 'blue', 'push'],
    [t.push.branchCreated, 'blue', 'push'],
    [t.push.branchDeleted, 'red', 'push'],
    [t.push.tagCreated, 'wathet', 'tag_push'],
    [t.push.tagDeleted, 'red', 'tag_push'],
    ...each(t.issue.actions, ISSUE, 'issue'),
    ...each(t.pullRequest.actions, PULL_REQUEST, 'pull_request'),
    ...each(t.comment.actions, COMMENT, 'comment'),
    [t.ping.headline, 'green', null],
    ...(Object.keys(KIND) as EventKind[]).flatMap((kind) =>
      [t.generic.withActor, t.generic.withoutActor].map(
        (template) => [template.split('{event}').join(t.events[kind]), KIND[kind], kind] as const,
      ),
    ),
  ];
}

/**
 * The view does not say which event it shows, but its headline is a locale template filled
 * in: our words are `word` spans, in the template's order, between the placeholders (a
 * placeholder may be a word too, such as a PR's "!9" or the generic message's event name). The
 * template whose words all appear, most of them, is the event. User text is a hole no template
 * word can match across, so nothing a user typed can choose the colour.
 */
export function eventTone(view: EventView, t: LocaleText): EventTone {
  const words = wordsOf(view.headline);
  let best: { score: number; colour: CardTemplate; kind: EventKind | null } | null = null;
  for (const [template, colour, kind] of entries(t, view)) {
    const score = matchedLength(words, template);
    if (score > (best?.score ?? 0)) best = { score, colour, kind };
  }
  if (best === null) return { template: 'blue', event: null };
  return { template: best.colour, event: best.kind === null ? null : t.events[best.kind] };
}

/** Our words as written, with a hole (U+0000) wherever a placeholder's user text went. */
function wordsOf(spans: readonly Span[]): string {
  return spans
    .map((span) =>
      span.kind === 'word' ? span.text : span.kind === 'link' ? wordsOf(span.label) : '\u0000',
    )
    .join('');
}

/** Characters of the template's words found in order, or 0 when one is missing. */
function matchedLength(words: string, template: string): number {
  let from = 0;
  let length = 0;
  for (const piece of template.split(/\{\w+\}/).filter((part) => part !== '')) {
    const at = words.indexOf(piece, from);
    if (at === -1) return 0;
    from = at + piece.length;
    length += piece.length;
  }
  return length;
}
