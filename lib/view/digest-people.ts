import type { DigestEntry } from './digest-entry';
import type { EventView, Person, Span } from './event-view';

/**
 * Everyone the entries would notify, each once, in the shape of one view's mentions: the
 * platform's own resolver maps them, so a digest pings exactly whom the single messages
 * would have, with the same tokens and the same cap.
 */
export function digestMentions(
  entries: readonly DigestEntry[],
): Pick<EventView, 'mentions' | 'textMentions'> {
  const seen = new Set<string>();
  const mentions: Person[] = [];
  for (const one of entries.flatMap((entry) => entry.view.mentions)) {
    const key = one.login ? `@${one.login.toLowerCase()}` : one.name;
    if (seen.has(key)) continue;
    seen.add(key);
    mentions.push(one);
  }
  const logins = new Map<string, string>();
  for (const login of entries.flatMap((entry) => entry.view.textMentions)) {
    if (!logins.has(login.toLowerCase())) logins.set(login.toLowerCase(), login);
  }
  return { mentions, textMentions: [...logins.values()] };
}

/** @everyone when any entry's route asked for it. */
export function digestAtAll(entries: readonly DigestEntry[]): boolean {
  return entries.some((entry) => entry.atAll);
}

/**
 * People the platform cannot ping that no line already names (the assignee in "alice
 * assigned issue #1 to bob"): only they go in the mention line, as in a single message. A
 * templated line shows its title, not its headline, so it names no one.
 */
export function notNamedInLines(
  unmapped: readonly Person[],
  entries: readonly DigestEntry[],
): Person[] {
  const named = new Set<string>();
  const visit = (spans: readonly Span[]): void =>
    spans.forEach((span) => {
      if (span.kind === 'person' && span.person.login) named.add(span.person.login.toLowerCase());
      if (span.kind === 'link') visit(span.label);
    });
  entries.filter((entry) => !hasTitle(entry)).forEach((entry) => visit(entry.view.headline));
  return unmapped.filter((one) => !one.login || !named.has(one.login.toLowerCase()));
}

/** Whether the entry's line is its template title rather than the built-in summary. */
export function hasTitle(entry: DigestEntry): entry is DigestEntry & { title: string } {
  return typeof entry.title === 'string' && entry.title.trim() !== '';
}
