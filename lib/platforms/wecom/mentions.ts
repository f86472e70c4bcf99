import type { EventView, Person } from '../../view/event-view';
import type { MentionIdentity } from '../chat-platform';
import type { WecomMsgtype } from './message';

/**
 * Gitee people → WeCom mentions (feishu-wecom-robot-api.md §2.4). Only the `wecom` (userid)
 * and `mobile` keys of `mentions.<login>` mean anything here, and each msgtype reaches people
 * its own way: markdown by `<@userid>` in the content (mobiles are ignored there), text by
 * `mentioned_list` and `mentioned_mobile_list`, markdown_v2 and template cards not at all.
 * Whoever a msgtype cannot reach is named in plain text instead.
 */
export interface WecomMentions {
  /** markdown: `<@userid>` tokens; text: `mentioned_list`. Each person once. */
  userids: string[];
  /** text only: `mentioned_mobile_list`, for people with a mobile and no userid. */
  mobiles: string[];
  /** People this msgtype cannot ping, to be named. */
  unmapped: Person[];
  /** text only: "@all" in `mentioned_list` (markdown has no documented @all). */
  atAll: boolean;
}

type Reach = 'userid' | 'userid or mobile' | 'nobody';

const REACH: Readonly<Record<WecomMsgtype, Reach>> = {
  markdown: 'userid',
  text: 'userid or mobile',
  markdown_v2: 'nobody',
  template_card: 'nobody',
};

/** More pings than this in one message is noise, and bytes the size limit needs elsewhere. */
export const MAX_PEOPLE = 20;

/**
 * A WeCom userid: 1–64 letters, digits and "_-@.", starting with a letter or digit. Anything
 * else could close the `<@…>` token or spell "@all", so it counts as no identity.
 */
const USERID = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
const MOBILE = /^\+?[0-9][0-9-]{0,31}$/;

export function resolveWecomMentions(
  view: Pick<EventView, 'mentions' | 'textMentions'>,
  directory: Readonly<Record<string, MentionIdentity>>,
  atAll: boolean,
  msgtype: WecomMsgtype,
): WecomMentions {
  const reach = REACH[msgtype];
  const mentions: WecomMentions = { userids: [], mobiles: [], unmapped: [], atAll: false };
  if (reach === 'nobody') {
    mentions.unmapped = view.mentions.slice(0, MAX_PEOPLE);
    return mentions;
  }
  const userids = new Set<string>();
  const mobiles = new Set<string>();
  const add = (login: string | null): boolean => {
    const found = login ? lookUp(directory, login) : null;
    const userid = found?.userid;
    const mobile = reach === 'userid or mobile' ? found?.mobile : undefined;
    if (!userid && !mobile) return false;
    if (userids.size + mobiles.size < MAX_PEOPLE) {
      if (userid) userids.add(userid);
      else if (mobile) mobiles.add(mobile);
    }
    return true;
  };
  for (const one of view.mentions.slice(0, MAX_PEOPLE)) {
    if (!add(one.login)) mentions.unmapped.push(one);
  }
  // An unmapped "@login" in a comment stays what the quoted comment shows: text.
  view.textMentions.slice(0, MAX_PEOPLE).forEach(add);
  mentions.userids = [...userids];
  mentions.mobiles = [...mobiles];
  mentions.atAll = atAll && msgtype === 'text';
  return mentions;
}

/** The login's WeCom identities: case-insensitive, as Gitee logins are; own keys only. */
function lookUp(
  directory: Readonly<Record<string, MentionIdentity>>,
  login: string,
): { userid?: string; mobile?: string } | null {
  const lower = login.toLowerCase();
  const key = Object.hasOwn(directory, login)
    ? login
    : Object.keys(directory).find((candidate) => candidate.toLowerCase() === lower);
  const identity: unknown = key === undefined ? undefined : directory[key];
  if (typeof identity !== 'object' || identity === null) return null;
  const { wecom, mobile } = identity as Record<string, unknown>;
  const userid = valid(wecom, USERID);
  const phone = valid(mobile, MOBILE);
  return userid || phone
    ? { ...(userid ? { userid } : {}), ...(phone ? { mobile: phone } : {}) }
    : null;
}

function valid(value: unknown, pattern: RegExp): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return pattern.test(trimmed) ? trimmed : undefined;
}
