import type { RenderOptions } from '../platforms/chat-platform';
import type { Budget } from '../view/budget';
import type { EventView } from '../view/event-view';
import { renderSpans, type SpanStyle } from '../view/render-blocks';
import type { TemplateFields } from '../view/template-fields';
import { LINK_WORDS } from './field-list';

const DEFAULT_MAX_COMMITS = 5;
/** The renderers' cap: a configured maxCommits beyond it would only be cut by the size limit. */
const MAX_COMMITS_CAP = 50;

/** Words as they are: the output escape makes them inert where they are printed. */
const AS_TEXT: SpanStyle = { escape: (text) => text, link: (label) => label };
const WHOLE: Budget = {
  items: 0,
  excerpt: 0,
  text: Infinity,
  compact: false,
  url: 0,
  names: false,
};

/**
 * What a template renders with: the view's fields as described, the commits capped at the
 * robot's maxCommits (total_commits stays the true count), and what depends on the robot's
 * current settings: `more_commits`, `summary` and the locale's `words`. Null when the view
 * carries no fields (the Test ping, or a queue message from before templates).
 */
export function renderFields(view: EventView, options: RenderOptions) {
  const { fields } = view;
  if (!fields) return null;
  const commits = fields.commits.slice(0, maxCommits(options.maxCommits));
  const more = Math.max(0, fields.total_commits - commits.length);
  return {
    ...fields,
    commits,
    more_commits: more,
    summary: renderSpans(view.headline, AS_TEXT, WHOLE),
    words: words(fields, more, options),
  };
}

export type RenderFields = NonNullable<ReturnType<typeof renderFields>>;

function words(fields: TemplateFields, more: number, { t }: RenderOptions) {
  const links = Object.fromEntries(
    Object.entries(LINK_WORDS).map(([name, key]) => [name, t.links[key]]),
  ) as Record<keyof typeof LINK_WORDS, string>;
  return {
    event: t.events[fields.event],
    more_commits: more > 0 ? t.push.moreCommits(more) : '',
    separator: t.separator,
    list_separator: t.listSeparator,
    colon: t.colon,
    none: t.none,
    links,
  };
}

function maxCommits(value: number): number {
  return Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_COMMITS_CAP)
    : DEFAULT_MAX_COMMITS;
}
