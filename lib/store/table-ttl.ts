import type { PendingEvent } from '../delivery/ports';

/**
 * How long the delivery table keeps what it holds (design: pacing item and pending events live
 * 14 days, as long as SQS keeps a message). `expiresAt` is epoch seconds, DynamoDB's TTL unit.
 * TTL deletes late (often by days), so every read treats an item past its `expiresAt` as absent;
 * the memory store applies the same rule so both behave alike in the contract suite.
 */
export const TABLE_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** The pacing item lives 14 days past its last write. */
export function paceExpiresAt(nowMs: number): number {
  return Math.floor(nowMs / 1000) + TABLE_RETENTION_SECONDS;
}

/** A pending event lives 14 days past the moment its message entered the queue. */
export function pendingExpiresAt(event: Pick<PendingEvent, 'sentTimestamp'>): number {
  return Math.floor(event.sentTimestamp / 1000) + TABLE_RETENTION_SECONDS;
}

/** Past its expiry (strictly): the item counts as absent even if TTL has not removed it yet. */
export function isExpired(expiresAt: number, nowMs: number): boolean {
  return expiresAt < Math.floor(nowMs / 1000);
}

/** The sort key of a pending event; seqs are zero-padded so they sort in queue order. */
export const PENDING_PREFIX = 'pending#';
export const PACE_SORT_KEY = 'pace';

export function pendingSortKey(seq: string): string {
  return `${PENDING_PREFIX}${seq}`;
}
