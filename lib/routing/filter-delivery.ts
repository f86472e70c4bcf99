import type { GiteeEvent, ParsedDelivery } from '../gitee/event';
import type { GiteeCommit } from '../gitee/payloads';
import type { Filters } from '../settings/types';

/**
 * skipCommitPattern is the operator's regular expression and commit messages are whoever
 * pushed's text: only this much of each message is matched, so a pattern that backtracks badly
 * still costs a bounded time per commit, however long the message.
 */
const MATCHED_MESSAGE_CHARS = 1000;

/**
 * The config's `filters` (issue 4): a reason to skip the delivery, or null to deliver it.
 * The Test ping is never filtered: its canned data (sender "robot", commit "Update README.md")
 * says nothing about real traffic, and hiding it would make a working chain look broken.
 */
export function filterDelivery(delivery: ParsedDelivery, filters: Filters): string | null {
  if (delivery.kind === 'ping') return null;
  const sender = senderLogin(delivery);
  if (sender !== undefined && isIgnored(sender, filters.ignoreSenders)) {
    return `sender "${sender}" is ignored`;
  }
  const pattern = filters.skipCommitPattern;
  // Only an ordinary push: branch creation carries no commit list (`commits: null`) and a
  // deletion an empty one, so "every commit matches" would be vacuously true for them.
  if (pattern && delivery.kind === 'push' && delivery.action === 'push') {
    if (everyCommitMatches(delivery.payload.commits, pattern)) {
      return 'every commit matches skipCommitPattern';
    }
  }
  return null;
}

/**
 * The Gitee login behind the event. Pushes also carry the pusher: its `username` is the login,
 * while the top-level `user_name` was a display name in 2020 ("yang.guo" for login "gy2006"),
 * so it is the last resort.
 */
function senderLogin(event: GiteeEvent): string | undefined {
  const sender = event.payload.sender;
  const candidates = [sender?.login, sender?.username, sender?.user_name];
  if (event.kind === 'push' || event.kind === 'tag_push') {
    const { pusher, user_name: userName } = event.payload;
    candidates.push(pusher?.username, pusher?.user_name, userName);
  }
  return candidates.find((login): login is string => typeof login === 'string' && login !== '');
}

/** Operators copy logins as they see them; "CI-Bot" in the config must still catch "ci-bot". */
function isIgnored(login: string, ignoreSenders: string[]): boolean {
  const wanted = login.toLowerCase();
  return ignoreSenders.some((ignored) => ignored.toLowerCase() === wanted);
}

function everyCommitMatches(commits: GiteeCommit[] | null | undefined, pattern: RegExp): boolean {
  if (!commits || commits.length === 0) return false;
  // search() ignores and restores lastIndex, so a pattern written with /g stays stateless.
  return commits.every(
    (commit) => (commit.message ?? '').slice(0, MATCHED_MESSAGE_CHARS).search(pattern) !== -1,
  );
}
