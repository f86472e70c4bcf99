import type { EventView, Person } from '../../view/event-view';
import type { MentionIdentity } from '../chat-platform';
import type { PostNode } from './message';

/**
 * Gitee people → Feishu mentions. A custom bot can @ someone only by open_id (`ou_…`) or
 * user_id, never by mobile or email (feishu-wecom-robot-api.md §1.6), so only the `feishu` key
 * of `mentions.<login>` counts here; a login without one is named in plain text.
 */
export interface FeishuMentions {
  /** open_ids or user_ids, each once. */
  ids: string[];
  atAll: boolean;
  /** People with no Feishu identity in the config, named instead. */
  unmapped: Person[];
}

/** More pings than this in one message is noise, and bytes the size limit needs elsewhere. */
const MAX_PEOPLE = 20;
/**
 * An id goes inside `<at id=…>` and `<at user_id="…">`, so it must be one token. "all" is
 * refused as a person's id: it would ping the whole group on every mention of that login.
 */
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export function resolveFeishuMentions(
  view: Pick<EventView, 'mentions' | 'textMentions'>,
  directory: Readonly<Record<string, MentionIdentity>>,
  atAll: boolean,
): FeishuMentions {
  const ids = new Set<string>();
  const unmapped: Person[] = [];
  const add = (login: string | null): boolean => {
    const id = login ? feishuId(directory, login) : null;
    if (id !== null && ids.size < MAX_PEOPLE) ids.add(id);
    return id !== null;
  };
  for (const one of view.mentions.slice(0, MAX_PEOPLE)) {
    if (!add(one.login)) unmapped.push(one);
  }
  // An unmapped "@login" in a comment stays what the quoted comment shows: text.
  view.textMentions.slice(0, MAX_PEOPLE).forEach(add);
  return { ids: [...ids], atAll, unmapped };
}

/** Case-insensitive, as Gitee logins are; own keys only (a login may be "constructor"). */
function feishuId(
  directory: Readonly<Record<string, MentionIdentity>>,
  login: string,
): string | null {
  const lower = login.toLowerCase();
  const key = Object.hasOwn(directory, login)
    ? login
    : Object.keys(directory).find((candidate) => candidate.toLowerCase() === lower);
  const identity: unknown = key === undefined ? undefined : directory[key];
  const value: unknown =
    typeof identity === 'object' && identity !== null && Object.hasOwn(identity, 'feishu')
      ? (identity as Record<string, unknown>).feishu
      : undefined;
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return ID.test(id) && id.toLowerCase() !== 'all' ? id : null;
}

/** Card markdown (1.0 lark_md, 2.0 markdown): `<at id=…></at>`, everyone `<at id=all></at>`. */
export function cardMentionTokens(mentions: FeishuMentions): string[] {
  const ids = mentions.atAll ? ['all', ...mentions.ids] : mentions.ids;
  return ids.map((id) => `<at id=${id}></at>`);
}

/** A `text` message: `<at user_id="…"></at>`; Feishu fills in the name. */
export function textMentionTokens(mentions: FeishuMentions): string[] {
  const ids = mentions.atAll ? ['all', ...mentions.ids] : mentions.ids;
  return ids.map((id) => `<at user_id="${id}"></at>`);
}

/** Post: one `at` node per person, `user_id: "all"` for everyone. */
export function postMentionNodes(mentions: FeishuMentions): PostNode[] {
  const ids = mentions.atAll ? ['all', ...mentions.ids] : mentions.ids;
  return ids.map((id) => ({ tag: 'at', user_id: id }));
}
