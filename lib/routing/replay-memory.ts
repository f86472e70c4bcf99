import type { ReplayStore, ReplayVerdict } from './replay-store';

export interface MemoryReplayStoreDeps {
  now: () => number;
  /** Records kept at most; when full, the oldest arrival is forgotten first. */
  maxEntries?: number;
}

/** About 2.5 MB of heap when full (README: "Replay window and Gitee authentication"). */
export const DEFAULT_REPLAY_ENTRIES = 10_000;

interface ReplayRecord {
  bodyHash: string;
  expiresAtMs: number;
}

/**
 * The replay store of one container (direct mode; in queue mode the stand-in while the table
 * cannot be reached), also holding the PR-creation burst's claims. Bounded, so a flood cannot grow the heap:
 * only authenticated deliveries reach it, and each needs a fresh credential from Gitee (or the
 * password). Records leave at their expiry, or as the oldest arrival once `maxEntries` are
 * held; an evicted credential could then be used once more until it goes stale.
 */
export function createMemoryReplayStore(deps: MemoryReplayStoreDeps): ReplayStore {
  const maxEntries = deps.maxEntries ?? DEFAULT_REPLAY_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError('maxEntries must be a whole number of at least 1');
  }
  // Insertion-ordered: arrival order, which is close to expiry order (expiry = timestamp + window).
  const records = new Map<string, ReplayRecord>();
  const isLive = (record: ReplayRecord, now: number) => record.expiresAtMs >= now;

  function makeRoom(now: number): void {
    for (const [key, record] of records) {
      if (records.size < maxEntries && isLive(record, now)) return;
      records.delete(key);
    }
  }

  return {
    remember(key, bodyHash, expiresAtMs): Promise<ReplayVerdict> {
      const now = deps.now();
      const held = records.get(key);
      if (held && isLive(held, now)) {
        return Promise.resolve(held.bodyHash === bodyHash ? 'same' : 'different');
      }
      records.delete(key);
      makeRoom(now);
      records.set(key, { bodyHash, expiresAtMs });
      return Promise.resolve('new');
    },
    held(key): Promise<boolean> {
      const held = records.get(key);
      return Promise.resolve(held !== undefined && isLive(held, deps.now()));
    },
  };
}
