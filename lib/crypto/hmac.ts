import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)): the signature both
 * Gitee (X-Gitee-Token) and DingTalk (the robot's `sign` query parameter) use.
 * Sources: gitee-webhook-protocol.md §2.2, dingtalk-robot-api.md §2.
 */
export function signTimestamp(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** Constant-time string comparison; unequal lengths are unequal without comparing contents. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
