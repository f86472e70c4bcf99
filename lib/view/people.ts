import { word, type Person, type Span } from './event-view';
import { fieldOf, textOf } from './payload-values';

/**
 * People as Gitee sends them: a full user (`login`, `name`), a push user (`name`, `username`),
 * or a web-UI committer with only `name` (protocol notes §3.1). Shown by display name,
 * falling back to the login.
 */
export function personOf(value: unknown): Person | null {
  const login =
    textOf(fieldOf(value, 'login')) ??
    textOf(fieldOf(value, 'username')) ??
    textOf(fieldOf(value, 'user_name'));
  const name = textOf(fieldOf(value, 'name')) ?? login;
  return name ? { login, name } : null;
}

/** The first person found, e.g. `sender`, then `pusher`, then `user`. */
export function firstPerson(...values: unknown[]): Person | null {
  for (const value of values) {
    const found = personOf(value);
    if (found) return found;
  }
  return null;
}

/** Each person once (by login, else by name), in order. */
export function uniquePeople(values: readonly unknown[]): Person[] {
  const seen = new Set<string>();
  const people: Person[] = [];
  for (const value of values) {
    const found = personOf(value);
    const key = found && (found.login ? `@${found.login.toLowerCase()}` : found.name);
    if (!found || !key || seen.has(key)) continue;
    seen.add(key);
    people.push(found);
  }
  return people;
}

/** "alice、bob" as spans, so each name stays user text and each person stays known. */
export function peopleSpans(people: readonly Person[], separator: string): Span[] {
  return people.flatMap((one, index): Span[] => [
    ...(index > 0 ? [word(separator)] : []),
    { kind: 'person', person: one },
  ]);
}

/** The actor, or the locale's "someone" when the payload names nobody. */
export function actorSpan(actor: Person | null, someone: string): Span {
  return actor ? { kind: 'person', person: actor } : word(someone);
}

/** Everyone but the actor: nobody needs a ping about what they just did themselves. */
export function othersThan(people: readonly Person[], actor: Person | null): Person[] {
  const actorLogin = actor?.login?.toLowerCase();
  return people.filter((one) => one.login && one.login.toLowerCase() !== actorLogin);
}
