import { SettingsError } from '../errors';
import type { SettingsSource } from './source';
import type { Settings } from './types';

export interface CachedSettingsSourceDeps {
  load: () => Promise<Settings>;
  now: () => number;
  ttlMs: number;
  /** refresh() re-reads at most this often (ARCHITECTURE.md: once every 10 s per container). */
  minRefreshIntervalMs?: number;
}

/**
 * Settings cached for a TTL, loaded by one shared in-flight call however many requests ask at
 * once. A failed load is never cached: the next get() tries again, so a container whose cold
 * start met an SSM outage recovers by itself.
 */
export function createCachedSettingsSource(
  deps: CachedSettingsSourceDeps,
): SettingsSource & { prime(): void } {
  const minRefreshIntervalMs = deps.minRefreshIntervalMs ?? 10_000;
  let cached: { settings: Settings; loadedAt: number } | undefined;
  let inFlight: Promise<Settings> | undefined;
  let lastReadStartedAt: number | undefined;

  function startLoad(): Promise<Settings> {
    if (inFlight) return inFlight;
    lastReadStartedAt = deps.now();
    // new Promise(...) also turns a load() that throws synchronously into a rejection.
    inFlight = new Promise<Settings>((resolve) => resolve(deps.load()))
      .then(
        (settings) => {
          cached = { settings, loadedAt: deps.now() };
          return settings;
        },
        (error: unknown) => {
          throw toSettingsError(error);
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  async function get(): Promise<Settings> {
    if (cached && deps.now() - cached.loadedAt < deps.ttlMs) return cached.settings;
    return startLoad();
  }

  return {
    get,
    async refresh() {
      const throttled =
        lastReadStartedAt !== undefined && deps.now() - lastReadStartedAt < minRefreshIntervalMs;
      return throttled ? (inFlight ?? get()) : startLoad();
    },
    prime() {
      // Started during the Lambda init phase; a failure is reported by the first get().
      startLoad().catch(() => undefined);
    },
  };
}

function toSettingsError(error: unknown): SettingsError {
  if (error instanceof SettingsError) return error;
  const what = error instanceof Error ? error.name : 'unknown error';
  return new SettingsError(`settings load failed: ${what}`, { cause: error });
}
