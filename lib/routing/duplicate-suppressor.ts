import { createHash } from 'node:crypto';
import type { ParsedDelivery } from '../gitee/event';

export interface DuplicateSuppressorDeps {
  now: () => number;
  /** How long a delivery is remembered; default 5 minutes. */
  ttlMs?: number;
  /** Remembered deliveries at most; the oldest is forgotten first. Default 1000. */
  maxEntries?: number;
}

export interface DuplicateSuppressor {
  /** A reason to skip this delivery, or null; either way it is remembered. */
  check(delivery: ParsedDelivery, signature: string): string | null;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 1000;

/**
 * Pull-request hooks Gitee fires when a PR is created with reviewers/testers: `open` with
 * action_desc open/test/assign, and per third-party code `test`/`assign` (protocol notes §3.5).
 * `tested` and `approved` are people acting on the PR, never part of the burst.
 */
const BURST_ACTIONS: ReadonlySet<string> = new Set(['open', 'test', 'assign']);

/**
 * Suppresses repeats within `ttlMs`: an identical delivery (same hook id, kind, timestamp and
 * X-Gitee-Token, which covers a replayed (timestamp, token) pair with another body, since the
 * signature does not cover the body), and the PR-creation burst (the first `open` of a PR lets
 * itself through and silences the open/test/assign deliveries for that PR that follow it).
 *
 * Best effort, by design (issue 4): memory lives in one Lambda container. Guaranteed: within
 * one warm container, a repeat within `ttlMs` of the first sighting is suppressed, unless
 * `maxEntries` newer entries (one per delivery, one more per PR open) pushed it out. Not
 * guaranteed: deliveries handled by different containers (a burst fired concurrently lands on
 * several), after a cold start, after the TTL, or after eviction under load; the verifier's
 * timestamp window stays the real replay defence. Known false positive: two genuine
 * deliveries of one kind from one hook in the same millisecond look identical (the signature
 * depends only on the timestamp).
 */
export function createDuplicateSuppressor(deps: DuplicateSuppressorDeps): DuplicateSuppressor {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = deps.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!(ttlMs > 0) || !(maxEntries >= 1)) {
    throw new RangeError('ttlMs must be positive and maxEntries at least 1');
  }
  const memory = createMemory(ttlMs, maxEntries);
  return {
    check(delivery, signature) {
      const at = deps.now();
      const identity = identityKey(delivery, signature);
      if (memory.has(identity, at)) return 'duplicate delivery';
      memory.add(identity, at);
      const burst = burstOf(delivery);
      if (burst === undefined) return null;
      if (memory.has(burst.key, at)) return 'pull request opened moments ago: burst suppressed';
      // Only an `open` starts the window: a lone later `assign` is someone adding a reviewer.
      if (burst.opens) memory.add(burst.key, at);
      return null;
    },
  };
}

/** Hashed so the plaintext password (password mode) is not kept, and entries stay small. */
function identityKey(delivery: ParsedDelivery, signature: string): string {
  const parts = [String(delivery.hookId), delivery.kind, delivery.timestamp, signature];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The PR a burst member belongs to, keyed by number (or id when Gitee sent no number). */
function burstOf(delivery: ParsedDelivery): { key: string; opens: boolean } | undefined {
  if (delivery.kind !== 'pull_request' || !BURST_ACTIONS.has(delivery.action)) return undefined;
  const { number, id } = delivery.payload.pull_request;
  const pr = Number.isInteger(number) && number > 0 ? `!${number}` : id ? `id:${id}` : undefined;
  if (pr === undefined) return undefined;
  return { key: `burst ${delivery.repository.path} ${pr}`, opens: delivery.action === 'open' };
}

/** Insertion-ordered, so the oldest (and first to expire) entries are at the front. */
function createMemory(ttlMs: number, maxEntries: number) {
  const seenAt = new Map<string, number>();
  return {
    has(key: string, at: number): boolean {
      const seen = seenAt.get(key);
      return seen !== undefined && at - seen < ttlMs;
    },
    add(key: string, at: number): void {
      seenAt.delete(key);
      seenAt.set(key, at);
      for (const [oldKey, seen] of seenAt) {
        if (seenAt.size <= maxEntries && at - seen < ttlMs) break;
        seenAt.delete(oldKey);
      }
    },
  };
}
