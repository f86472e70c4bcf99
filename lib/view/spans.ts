import type { GiteeEvent, ParsedDelivery, RepositoryRef } from '../gitee/event';
import {
  link,
  MAX,
  MAX_LIST,
  user,
  word,
  type EventView,
  type PageLink,
  type Span,
} from './event-view';
import { fieldOf, listOf, textOf } from './payload-values';
import type { LocaleText } from './locales/locale-text';
import { repositoryNames } from './repository-names';
import { subjectOf } from './subject';

/** What every describer needs besides the event: the words and the timezone. */
export interface DescribeContext {
  t: LocaleText;
  timezone: string;
}

export type EventOf<K extends GiteeEvent['kind']> = Extract<GiteeEvent, { kind: K }>;

/** What a describer's view is about (the delivery's kind and action) and its repository page. */
export function aboutDelivery(
  delivery: ParsedDelivery,
  t: LocaleText,
): Pick<EventView, 'subject' | 'home'> {
  return { subject: subjectOf(delivery), home: repositoryHome(delivery.repository, t) };
}

/** The repository's page, on the address vetted against links.giteeHosts (onGiteeHost). */
export function repositoryHome(repository: RepositoryRef, t: LocaleText): PageLink | null {
  return pageLinks([[t.links.repository, repository.url]])[0] ?? null;
}

/** "drone-yml-test" or its display name: short enough for a title (repositoryNames). */
export function repositoryShortName(delivery: ParsedDelivery): Span {
  return user(repositoryNames(delivery).short, MAX.ref);
}

/** "kit101/drone-yml-test", linked to the repository. */
export function repositoryLink(delivery: ParsedDelivery): Span[] {
  return link(user(repositoryNames(delivery).full, MAX.ref), delivery.repository.url);
}

/** Spans joined by a separator word, skipping empty groups. */
export function joinSpans(groups: readonly Span[][], separator: string): Span[] {
  return groups
    .filter((group) => group.length > 0)
    .flatMap((group, index) => (index === 0 ? group : [word(separator), ...group]));
}

/** The pages that exist, in order; the first is the primary link. */
export function pageLinks(
  candidates: ReadonlyArray<readonly [string, string | null | undefined]>,
): PageLink[] {
  return candidates.flatMap(([label, url]) =>
    url && /^https?:\/\/\S+$/i.test(url) ? [{ label, url }] : [],
  );
}

/** Label names ("bug、duplicate"), at most MAX_LIST of them. */
export function labelSpans(labels: unknown, separator: string): Span[] {
  const names = listOf<unknown>(labels)
    .map((label) => textOf(fieldOf(label, 'name')))
    .filter((name): name is string => name !== null);
  const shown = names.slice(0, MAX_LIST).map((name) => user(name, MAX.label));
  const spans = shown.flatMap((span, index) => (index === 0 ? [span] : [word(separator), span]));
  return names.length > MAX_LIST ? [...spans, word('…')] : spans;
}

/** "!9": Gitee's way of naming a pull request (the note hook's `per_iid` says so too). */
export function pullRequestRef(number: unknown): Span[] {
  return [word(`!${typeof number === 'number' && Number.isFinite(number) ? number : '?'}`)];
}

/** "#I4CYEO": issue numbers are strings from the payload, so the number stays user text. */
export function issueRef(number: string | null): Span[] {
  return number ? [word('#'), user(number, MAX.ref)] : [];
}
