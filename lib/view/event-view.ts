import type { EventKind } from '../gitee/event';
import type { TemplateFields } from './template-fields';

/**
 * One neutral description of a Gitee event, built by a describer per event kind and drawn by
 * each platform's renderer per msgtype. Plain JSON (it is to travel in a queue message). Words
 * come from the locale table; everything a user typed is kept raw in `user` spans so each
 * renderer escapes and cuts it for its own syntax.
 */

/** Our own words (from the locale table): trusted, never escaped. */
export interface WordSpan {
  kind: 'word';
  text: string;
}

/** Text someone typed on Gitee (titles, names, branch names, messages): escaped and cut. */
export interface UserSpan {
  kind: 'user';
  text: string;
  /** Longest length in characters (grapheme clusters) before "…". */
  max: number;
}

/** A person by display name; the login lets the mention line skip people already named. */
export interface PersonSpan {
  kind: 'person';
  person: Person;
}

export interface LinkSpan {
  kind: 'link';
  label: Span[];
  url: string;
}

export type Span = WordSpan | UserSpan | PersonSpan | LinkSpan;

export interface Person {
  /** Gitee login, when the payload carries one (web-UI committers have none). */
  login: string | null;
  name: string;
}

/** `label：value`, e.g. 负责人：kit101; a null label is a plain sentence. */
export interface Fact {
  label: string | null;
  value: Span[];
}

/** A page on Gitee, shown as a link line (markdown, text) or a button (actionCard). */
export interface PageLink {
  label: string;
  url: string;
}

/**
 * What the view is about, in the routing vocabulary (lib/gitee/actions.ts), so a renderer
 * chooses by it (a card's colour) and never by reading our words back. `action` is the
 * parser's: push.create, pull_request.merge, issue.close. The Test ping is `ping.ping`. A view
 * the generic describer wrote (a payload no describer could read) is `generic`, and its action
 * is the delivery's whole routing name, such as `push.push`, since it still names a kind.
 */
export interface Subject {
  event: EventKind | 'ping' | 'generic';
  action: string;
}

export interface EventView {
  subject: Subject;
  /** The repository's page on an allowed Gitee host: where to link when every page is too long. */
  home: PageLink | null;
  /** What happened, in one line: the message title and the heading of its text. */
  headline: Span[];
  /** Where: the repository and the branch, issue, pull request or commit, linked. */
  context: Span[];
  facts: Fact[];
  /** Commits listed under a push, newest last as Gitee sends them. */
  items: Span[][];
  /** How many commits the push holds in all, for "and N more". */
  itemTotal: number;
  /** Raw body or comment text to quote, cut by the renderer. */
  excerpt: string | null;
  /** The first one is the primary link (the single actionCard button). */
  links: PageLink[];
  /** Who should be notified, before mapping to DingTalk (issue 4, "Mentions"). */
  mentions: Person[];
  /**
   * Logins the user text itself @mentions (a comment's "@bob"): pinged when mapped, otherwise
   * left to the quoted text, since "@Override" in a code snippet is no person.
   */
  textMentions: string[];
  /**
   * What an operator's template may read (issue 12): plain JSON like the rest of the view.
   * Absent on the Test ping (never templated) and in views written before templates existed.
   */
  fields?: TemplateFields;
}

/** Longest user text, in characters, per kind (issue 3: titles ~100); cut with "…". */
export const MAX = { name: 40, ref: 60, label: 30, title: 100, message: 100, sha: 12 } as const;
/** Lists (labels, reviewers) beyond this length end in "…": a message is a summary. */
export const MAX_LIST = 10;

export function word(text: string): WordSpan {
  return { kind: 'word', text };
}

export function user(text: string | null | undefined, max = 100): UserSpan {
  return { kind: 'user', text: text ?? '', max };
}

export function person(value: Person): PersonSpan {
  return { kind: 'person', person: value };
}

/** A link when the address is a web page, else just the label. */
export function link(label: Span | Span[], url: string | null | undefined): Span[] {
  const spans = Array.isArray(label) ? label : [label];
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? [{ kind: 'link', label: spans, url }] : spans;
}

/** A view that is about nothing in particular: for drawing parts of one (a single fact). */
const NOTHING: Pick<EventView, 'subject' | 'home'> = {
  subject: { event: 'generic', action: 'unknown' },
  home: null,
};

export function emptyView(
  headline: Span[],
  about: Pick<EventView, 'subject' | 'home'> = NOTHING,
): EventView {
  return {
    subject: { ...about.subject },
    home: about.home,
    headline,
    context: [],
    facts: [],
    items: [],
    itemTotal: 0,
    excerpt: null,
    links: [],
    mentions: [],
    textMentions: [],
  };
}
