import { createHash } from 'node:crypto';

/** What the store already held under a key: nothing, this very body, or another body. */
export type ReplayVerdict = 'new' | 'same' | 'different';

/**
 * Remembers which body each Gitee credential (X-Gitee-Timestamp + X-Gitee-Token) came with,
 * until that credential goes stale. Async because the shared implementation will be one
 * conditional PutItem (`attribute_not_exists(pk) OR expiresAt < :now`, TTL on `expiresAt`;
 * DynamoDB's TTL deletes late, so the condition must treat an expired record as absent) that
 * answers `same` or `different` from the old item when the condition fails.
 */
export interface ReplayStore {
  /** Records `bodyHash` under `key` unless a live record is there; answers what was there. */
  remember(key: string, bodyHash: string, expiresAtMs: number): Promise<ReplayVerdict>;
  /**
   * Whether a live record holds `key`, writing nothing (one GetItem on the table). The burst
   * check needs it: a lone `assign` must see an `open`'s claim without starting a window itself.
   * A store without it makes such deliveries go through, which loses nothing.
   */
  held?(key: string): Promise<boolean>;
}

export interface PresentedCredential {
  /** sha256 of what the credential covers (lib/gitee/verify.ts), never the token itself. */
  replayKey: string;
  /** Until when the verifier would accept the credential again. */
  validUntilMs: number;
}

/**
 * One delivery per credential: Gitee's signature covers only the timestamp (protocol notes
 * §2.2), so whoever saw one delivery's headers could otherwise post any body for the rest of
 * the window. Answers a reason to skip the delivery, or null when the credential is fresh.
 */
export async function rememberDelivery(
  store: ReplayStore,
  credential: PresentedCredential,
  body: string,
): Promise<string | null> {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  const verdict = await store.remember(credential.replayKey, bodyHash, credential.validUntilMs);
  switch (verdict) {
    case 'new':
      return null;
    case 'same':
      return 'duplicate delivery';
    case 'different':
      return 'replayed signature';
  }
}
