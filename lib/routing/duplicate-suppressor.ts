import { createHash } from 'node:crypto';
import type { ParsedDelivery } from '../gitee/event';
import { createMemoryReplayStore } from './replay-memory';
import type { ReplayStore } from './replay-store';

export interface DuplicateSuppressorDeps {
  now: () => number;
  /** How long an opened pull request silences its burst; default 5 minutes. */
  ttlMs?: number;
  /**
   * Where the claims live: in queue mode the delivery table's `burst#` records, which every
   * container sees; default this container's memory.
   */
  claims?: ReplayStore;
  /** Remembered pull-request opens at most, when in memory; the oldest go first. Default 1000. */
  maxEntries?: number;
}

export interface DuplicateSuppressor {
  /** A reason to skip this delivery, or null; a pull-request open claims its burst. */
  check(delivery: ParsedDelivery): Promise<string | null>;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 1000;
const BURST = 'pull request opened moments ago: burst suppressed';
/** What a claim records; the claims port compares bodies, a burst has none to compare. */
const OPENED = 'open';

/**
 * Pull-request hooks Gitee fires when a PR is created with reviewers/testers: `open` with
 * action_desc open/test/assign, and per third-party code `test`/`assign` (protocol notes §3.5).
 * `tested` and `approved` are people acting on the PR, never part of the burst.
 */
const BURST_ACTIONS: ReadonlySet<string> = new Set(['open', 'test', 'assign']);

/**
 * Content duplicates: the PR-creation burst. The first `open` of a PR claims it (a conditional
 * put on the table in queue mode), and the open/test/assign deliveries for that PR that follow
 * within `ttlMs` find the claim and are skipped. Keyed on body fields, which is safe here: a
 * forged body can at worst silence a copy of an event that was already delivered. Deliveries
 * repeated under one credential are the replay store's job (replay-store.ts), keyed on what
 * Gitee signs.
 *
 * Guaranteed with the table: one of the burst's `open` hooks gets through, whichever
 * containers take them, since only one conditional put can claim the PR. A separate `test` or
 * `assign` hook that arrives before the `open` has claimed gets through as well (nothing is
 * lost, the group may see two messages). In memory (direct mode) the same holds per container
 * only: not across containers, after a cold start, or after `maxEntries` newer opens.
 */
export function createDuplicateSuppressor(deps: DuplicateSuppressorDeps): DuplicateSuppressor {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = deps.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!(ttlMs > 0) || !(maxEntries >= 1)) {
    throw new RangeError('ttlMs must be positive and maxEntries at least 1');
  }
  const claims = deps.claims ?? createMemoryReplayStore({ now: deps.now, maxEntries });
  return {
    async check(delivery) {
      const burst = burstOf(delivery);
      if (burst === undefined) return null;
      // Only an `open` starts the window: a lone later `assign` is someone adding a reviewer.
      if (!burst.opens) return (await claims.held?.(burst.key)) ? BURST : null;
      // Live through at + ttlMs − 1: the window is ttlMs long, its end excluded.
      const verdict = await claims.remember(burst.key, OPENED, deps.now() + ttlMs - 1);
      return verdict === 'new' ? null : BURST;
    },
  };
}

/**
 * The PR a burst member belongs to, keyed by number (or id when Gitee sent no number): the
 * sha256 hex of the repository path and the PR, as the table's `burst#<hex>` key (design.md).
 */
function burstOf(delivery: ParsedDelivery): { key: string; opens: boolean } | undefined {
  if (delivery.kind !== 'pull_request' || !BURST_ACTIONS.has(delivery.action)) return undefined;
  const { number, id } = delivery.payload.pull_request;
  const pr = Number.isInteger(number) && number > 0 ? `!${number}` : id ? `id:${id}` : undefined;
  if (pr === undefined) return undefined;
  const key = createHash('sha256').update(`${delivery.repository.path}\n${pr}`, 'utf8');
  return { key: key.digest('hex'), opens: delivery.action === 'open' };
}
