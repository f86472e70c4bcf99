import { signTimestamp } from '../../crypto/hmac';

/**
 * The URL for one request to a robot: the stored webhook plus, when the robot has a secret, a
 * fresh `timestamp` (ms) and `sign`. Built anew every time and never stored, because a cached
 * signature fails after one hour and appending to a stored URL makes it grow
 * (dingtalk-robot-api.md §2 "Signing pitfalls").
 *
 * `sign` is set through URLSearchParams, which does the one URL-encoding DingTalk expects;
 * encoding it ourselves as well would send `%252B` and get "sign not match".
 */
export function signRobotUrl(webhook: string, secret: string | null, now: number): string {
  const url = new URL(webhook);
  // Only touch the query when there is something to remove, so an unsigned URL comes back as is.
  for (const name of ['timestamp', 'sign']) {
    if (url.searchParams.has(name)) url.searchParams.delete(name);
  }
  if (secret === null) return url.href;
  const timestamp = String(now);
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('sign', signTimestamp(timestamp, secret));
  return url.href;
}
