import { createHmac } from 'node:crypto';

/**
 * Feishu's custom-bot signature: base64(HMAC-SHA256(key = timestamp + "\n" + secret,
 * message = empty)), standard Base64 and not URL-encoded, because it travels in the JSON body
 * (feishu-wecom-robot-api.md §1.3). It is DingTalk's construction with key and message swapped,
 * so `signTimestamp` in lib/crypto/hmac.ts cannot be reused: that mix-up is the best-known
 * reason for a permanent 19021.
 */
export function signFeishuTimestamp(timestamp: string, secret: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

/** The Unix time in whole seconds that Feishu expects, from a millisecond clock reading. */
export function feishuTimestamp(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}

/**
 * The body of one request to a Feishu bot: the message, plus, when the bot has a secret, a
 * fresh top-level `timestamp` (seconds, as a string like the doc's example) and `sign` beside
 * `msg_type`. Built for every attempt: the signature expires after an hour, and since it covers
 * only the time, a stale body is never worth keeping. Fields named `timestamp` or `sign` in
 * `message` are dropped so an unsigned bot never receives a leftover signature.
 */
export function signFeishuBody(
  message: Readonly<Record<string, unknown>>,
  secret: string | null,
  nowMs: number,
): string {
  const rest = Object.fromEntries(
    Object.entries(message).filter(([key]) => key !== 'timestamp' && key !== 'sign'),
  );
  if (secret === null) return JSON.stringify(rest);
  const timestamp = feishuTimestamp(nowMs);
  return JSON.stringify({ timestamp, sign: signFeishuTimestamp(timestamp, secret), ...rest });
}
