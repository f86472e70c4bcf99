import type { ParsedDelivery } from '../gitee/event';

export interface DuplicateSuppressorDeps {
  now: () => number;
  /** How long an opened pull request silences its burst; default 5 minutes. */
  ttlMs?: number;
  /** Remembered pull-request opens at most; the oldest is forgotten first. Default 1000. */
  maxEntries?: number;
}

export interface DuplicateSuppressor {
  /** A reason to skip this delivery, or null; a pull-request open is remembered. */
  check(delivery: ParsedDelivery): string | null;
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
 * Content duplicates: the PR-creation burst (the first `open` of a PR lets itself through and
 * silences the open/test/assign deliveries for that PR that follow it within `ttlMs`). Keyed on
 * body fields, which is safe here: a forged body can at worst silence a copy of an event that
 * was already delivered. Deliveries repeated under one credential are the replay store's job
 * (replay-store.ts), keyed on what Gitee signs.
 *
 * Best effort, by design (issue 4): memory lives in one Lambda container. Not guaranteed:
 * bursts handled by different containers, after a cold start, or after `maxEntries` newer
 * opens pushed an entry out.
 */
export function createDuplicateSuppressor(deps: DuplicateSuppressorDeps): DuplicateSuppressor {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = deps.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!(ttlMs > 0) || !(maxEntries >= 1)) {
    throw new RangeError('ttlMs must be positive and maxEntries at least 1');
  }
  const memory = createMemory(ttlMs, maxEntries);
  return {
    check(delivery) {
      const burst = burstOf(delivery);
      if (burst === undefined) return null;
      const at = deps.now();
      if (memory.has(burst.key, at)) return 'pull request opened moments ago: burst suppressed';
      // Only an `open` starts the window: a lone later `assign` is someone adding a reviewer.
      if (burst.opens) memory.add(burst.key, at);
      return null;
    },
  };
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
