import type { ReplayStore } from './replay-store';
import { withinTime } from './within-time';

export interface ClaimsFallbackDeps {
  /** Told each time the shared store failed or was too slow and the fallback answered. */
  onFallback: (problem: unknown) => void;
  /** Longest wait for the shared store; default 1000 ms (Gitee waits about 5 s in all). */
  timeoutMs?: number;
}

/**
 * The delivery table's claims (replay and burst records, queue mode), falling back to this
 * container's memory when the table fails or does not answer in time. Which way to fail was a
 * choice (issue 11): refusing the delivery would lose the event, since Gitee never retries, and
 * skipping the check would let a replayed signature through. The memory store keeps what
 * direct mode guarantees (one delivery per credential within this container) and loses
 * nothing; `onFallback` logs it plainly. Across containers, a replay or a second burst hook
 * may then get through while the table is down: SQS's deduplication still drops a copy of the
 * same event sent within 5 minutes.
 */
export function withMemoryFallback(
  shared: ReplayStore,
  memory: ReplayStore,
  deps: ClaimsFallbackDeps,
): ReplayStore {
  const timeoutMs = deps.timeoutMs ?? 1000;
  async function either<T>(primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await withinTime(primary(), timeoutMs);
    } catch (problem) {
      deps.onFallback(problem);
      return fallback();
    }
  }
  const store: ReplayStore = {
    remember: (key, bodyHash, expiresAtMs) =>
      either(
        () => shared.remember(key, bodyHash, expiresAtMs),
        () => memory.remember(key, bodyHash, expiresAtMs),
      ),
  };
  const { held } = shared;
  if (held) {
    store.held = (key) =>
      either(
        () => held.call(shared, key),
        () => memory.held?.(key) ?? Promise.resolve(false),
      );
  }
  return store;
}
