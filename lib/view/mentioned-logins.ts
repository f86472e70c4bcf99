/**
 * The Gitee logins a comment mentions with "@login" (issue 4: a comment pings everyone it
 * mentions). Gitee logins are letters, digits, "_", "-" and ".", and end in a letter, digit or
 * "_" (so "@bob." at a sentence's end is bob); an "@" inside a word is an e-mail address, not a
 * mention. The whole comment is read, so a login is at most 100 characters: each "@" costs a
 * bounded look ahead, whatever follows it (issue 9).
 */
const MENTION = /(?<![\w@.])@([A-Za-z0-9](?:[\w.-]{0,98}\w)?)/g;
/** A comment naming more people than this is a list, not a set of pings. */
const MAX_MENTIONS = 10;

export function mentionedLogins(text: string | null | undefined): string[] {
  if (typeof text !== 'string') return [];
  const logins = new Map<string, string>();
  for (const match of text.matchAll(MENTION)) {
    const login = match[1] ?? '';
    if (login && !logins.has(login.toLowerCase())) logins.set(login.toLowerCase(), login);
    if (logins.size >= MAX_MENTIONS) break;
  }
  return [...logins.values()];
}
