import { safeEqual, signTimestamp } from '../crypto/hmac';
import type { Secret } from '../crypto/secret';

export type VerifyResult =
  | { ok: true; mode: 'sign' | 'password' }
  | { ok: false; reason: 'missing' | 'stale' | 'mismatch' | 'no-secret'; detail: string };

export interface VerifyInput {
  token: string | undefined;
  timestamp: string | undefined;
  secrets: readonly Secret[];
  now: number;
  windowMs: number;
}

/**
 * Gitee's two authentication modes (gitee-webhook-protocol.md §2): signing key, where
 * X-Gitee-Token = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) sent as raw base64,
 * and password, where the token is the secret itself. Any configured secret may match, so a
 * rotation has no gap. Only headers are read: this runs before the body is parsed.
 */
export function verifyGiteeRequest(input: VerifyInput): VerifyResult {
  const token = input.token?.trim() ?? '';
  if (input.secrets.length === 0) {
    return { ok: false, reason: 'no-secret', detail: 'no Gitee secret is configured' };
  }
  if (token === '') return { ok: false, reason: 'missing', detail: 'X-Gitee-Token is empty' };
  const candidates = tokenForms(token);
  const signed = signatureTimestamp(input.timestamp);
  for (const secret of input.secrets) {
    const value = secret.reveal();
    if (candidates.some((t) => safeEqual(t, value))) return { ok: true, mode: 'password' };
    if (signed !== undefined) {
      const expected = signTimestamp(signed.raw, value);
      if (candidates.some((t) => safeEqual(t, expected))) {
        return isFresh(signed.ms, input.now, input.windowMs)
          ? { ok: true, mode: 'sign' }
          : { ok: false, reason: 'stale', detail: `timestamp ${signed.raw} is outside the window` };
      }
    }
  }
  if (signed === undefined) {
    return { ok: false, reason: 'missing', detail: 'X-Gitee-Timestamp is missing or not a number' };
  }
  return { ok: false, reason: 'mismatch', detail: 'X-Gitee-Token matches no configured secret' };
}

/** The token as sent, plus its URL-decoded form: the docs say urlEncode, real Gitee does not. */
function tokenForms(token: string): string[] {
  if (!token.includes('%')) return [token];
  try {
    return [token, decodeURIComponent(token)];
  } catch {
    return [token];
  }
}

/** 13-digit epoch milliseconds as Gitee sends them; 10-digit seconds tolerated defensively. */
function signatureTimestamp(raw: string | undefined): { raw: string; ms: number } | undefined {
  const value = raw?.trim() ?? '';
  if (!/^\d{10,13}$/.test(value)) return undefined;
  return { raw: value, ms: value.length === 10 ? Number(value) * 1000 : Number(value) };
}

function isFresh(ms: number, now: number, windowMs: number): boolean {
  return Math.abs(now - ms) <= windowMs;
}
