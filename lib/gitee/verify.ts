import { createHash } from 'node:crypto';
import { safeEqual, signTimestamp } from '../crypto/hmac';
import type { Secret } from '../crypto/secret';

export type GiteeAuthMode = 'sign' | 'password';

export type VerifyResult =
  | {
      ok: true;
      mode: GiteeAuthMode;
      /** The X-Gitee-Timestamp the credential came with, in epoch milliseconds. */
      timestampMs: number;
      /**
       * sha256 of exactly what the credential covers: the timestamp and the token in its
       * canonical form (the signature Gitee computes, or the password), so a URL-encoded copy
       * of a captured token has the same key, and no password is kept in clear.
       */
      replayKey: string;
    }
  | {
      ok: false;
      reason: 'missing' | 'stale' | 'mismatch' | 'no-secret' | 'refused-mode';
      detail: string;
    };

export interface VerifyInput {
  token: string | undefined;
  timestamp: string | undefined;
  secrets: readonly Secret[];
  /** Which credential the settings accept (`giteeAuth`). */
  accept: GiteeAuthMode | 'either';
  now: number;
  windowMs: number;
}

/**
 * Gitee's two authentication modes (gitee-webhook-protocol.md §2): signing key, where
 * X-Gitee-Token = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) sent as raw base64,
 * and password, where the token is the secret itself. Any configured secret may match, so a
 * rotation has no gap. Both modes need X-Gitee-Timestamp within the window: Gitee sends it with
 * every delivery (§1.2), and a password delivery without it could be replayed forever.
 * Only headers are read: this runs before the body is parsed.
 */
export function verifyGiteeRequest(input: VerifyInput): VerifyResult {
  const token = input.token?.trim() ?? '';
  if (input.secrets.length === 0) {
    return { ok: false, reason: 'no-secret', detail: 'no Gitee secret is configured' };
  }
  if (token === '') return { ok: false, reason: 'missing', detail: 'X-Gitee-Token is empty' };
  const timestamp = parseTimestamp(input.timestamp);
  if (timestamp === undefined) {
    return { ok: false, reason: 'missing', detail: 'X-Gitee-Timestamp is missing or not a number' };
  }
  const match = matchCredential(tokenForms(token), timestamp.raw, input.secrets);
  if (match === undefined) {
    return { ok: false, reason: 'mismatch', detail: 'X-Gitee-Token matches no configured secret' };
  }
  if (input.accept !== 'either' && input.accept !== match.mode) {
    const sent = match.mode === 'sign' ? 'a signature' : 'a password';
    return {
      ok: false,
      reason: 'refused-mode',
      detail: `${sent} was sent but giteeAuth is ${input.accept}`,
    };
  }
  if (Math.abs(input.now - timestamp.ms) > input.windowMs) {
    return {
      ok: false,
      reason: 'stale',
      detail: `timestamp ${timestamp.raw} is outside the window`,
    };
  }
  return {
    ok: true,
    mode: match.mode,
    timestampMs: timestamp.ms,
    replayKey: replayKeyOf(match.mode, timestamp.raw, match.canonical),
  };
}

interface CredentialMatch {
  mode: GiteeAuthMode;
  canonical: string;
}

/** Every secret is tried in both modes, so the answer takes as long whichever one matched. */
function matchCredential(
  candidates: string[],
  timestamp: string,
  secrets: readonly Secret[],
): CredentialMatch | undefined {
  let found: CredentialMatch | undefined;
  for (const secret of secrets) {
    const value = secret.reveal();
    const signature = signTimestamp(timestamp, value);
    const isPassword = candidates.some((t) => safeEqual(t, value));
    const isSignature = candidates.some((t) => safeEqual(t, signature));
    if (found) continue;
    if (isSignature) found = { mode: 'sign', canonical: signature };
    else if (isPassword) found = { mode: 'password', canonical: value };
  }
  return found;
}

function replayKeyOf(mode: GiteeAuthMode, timestamp: string, canonical: string): string {
  return createHash('sha256')
    .update(JSON.stringify([mode, timestamp, canonical]))
    .digest('hex');
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
function parseTimestamp(raw: string | undefined): { raw: string; ms: number } | undefined {
  const value = raw?.trim() ?? '';
  if (!/^\d{10,13}$/.test(value)) return undefined;
  return { raw: value, ms: value.length === 10 ? Number(value) * 1000 : Number(value) };
}
