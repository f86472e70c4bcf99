import type { At } from './message';
import type { MentionTarget } from '../../settings/types';
import type { EventView, Person } from '../../view/event-view';
import { fieldOf } from '../../view/payload-values';

/**
 * Gitee people → DingTalk mentions. DingTalk notifies whoever is in `at` and renders a mention
 * where the body holds `@<mobile>` / `@<userId>`; markdown and actionCard need both, `text`
 * adds the token itself (dingtalk-robot-api.md §5 "@ mentions"; issue 4 "Mentions").
 */
export interface ResolvedMentions {
  /** "@13800000000", "@manager4521": each DingTalk person once. */
  tokens: string[];
  /** People with no DingTalk identity in the config, named in plain text instead. */
  unmapped: Person[];
  atAll: boolean;
  at: At | undefined;
}

/** More pings than this in one message is noise, and bytes the size limit needs elsewhere. */
const MAX_PEOPLE = 20;

export function resolveMentions(
  view: Pick<EventView, 'mentions' | 'textMentions'>,
  directory: Readonly<Record<string, MentionTarget>>,
  atAll: boolean,
): ResolvedMentions {
  const mobiles = new Set<string>();
  const userIds = new Set<string>();
  const unmapped: Person[] = [];
  const add = (login: string | null): boolean => {
    const target = login ? lookUp(directory, login) : null;
    if (target?.mobile) mobiles.add(target.mobile);
    else if (target?.userId) userIds.add(target.userId);
    return target !== null;
  };
  for (const one of view.mentions.slice(0, MAX_PEOPLE)) {
    if (!add(one.login)) unmapped.push(one);
  }
  // An unmapped "@login" in a comment stays what the quoted comment shows: text.
  view.textMentions.slice(0, MAX_PEOPLE).forEach(add);
  const tokens = [...mobiles, ...userIds].map((id) => `@${id}`);
  const at: At = {
    ...(mobiles.size > 0 ? { atMobiles: [...mobiles] } : {}),
    ...(userIds.size > 0 ? { atUserIds: [...userIds] } : {}),
    ...(atAll ? { isAtAll: true } : {}),
  };
  return { tokens, unmapped, atAll, at: Object.keys(at).length > 0 ? at : undefined };
}

/**
 * The login's DingTalk identity: case-insensitive, as Gitee logins are; own keys only (a login
 * may be "constructor"); a value without a usable mobile or userId counts as unmapped.
 */
function lookUp(
  directory: Readonly<Record<string, MentionTarget>>,
  login: string,
): { mobile?: string; userId?: string } | null {
  const lower = login.toLowerCase();
  const key = Object.hasOwn(directory, login)
    ? login
    : Object.keys(directory).find((candidate) => candidate.toLowerCase() === lower);
  const target: unknown = key === undefined ? undefined : directory[key];
  const mobile = clean(fieldOf(target, 'mobile'));
  const userId = clean(fieldOf(target, 'userId'));
  return mobile ? { mobile } : userId ? { userId } : null;
}

function clean(value: unknown): string | null {
  return typeof value === 'string' && /^\S+$/.test(value.trim()) ? value.trim() : null;
}
