import { SettingsError } from '../errors';
import type { SettingsSource } from './source';
import type { Settings } from './types';

export interface CachedSettingsSourceDeps {
  load: () => Promise<Settings>;
  now: () => number;
  ttlMs: number;
  /** refresh() re-reads at most this often (ARCHITECTURE.md: once every 10 s per container). */
  minRefreshIntervalMs?: number;
  /**
   * Told when a re-read fails while earlier settings are still held, which then go on
   * serving (see below): the failure is reported, not hidden.
   */
  onStale?: (error: SettingsError, ageMs: number) => void;
}

/**
 * Settings cached for a TTL, loaded by one shared in-flight call however many requests ask at
 * once. A failed load is never cached: the next get() tries again, so a container whose cold
 * start met an SSM outage recovers by itself. A container that already holds good settings
 * keeps serving them when a re-read fails (an SSM outage or throttling, or an invalid config
 * just written), retrying at most every minRefreshIntervalMs, rather than refusing every
 * delivery until SSM answers again.
 */
export function createCachedSettingsSource(
  deps: CachedSettingsSourceDeps,
): SettingsSource & { prime(): void } {
  const minRefreshIntervalMs = deps.minRefreshIntervalMs ?? 10_000;
  let cached: { settings: Settings; loadedAt: number } | undefined;
  let inFlight: Promise<Settings> | undefined;
  let lastReadStartedAt: number | undefined;
  let lastFailedAt: number | undefined;

  function startLoad(): Promise<Settings> {
    if (inFlight) return inFlight;
    lastReadStartedAt = deps.now();
    // new Promise(...) also turns a load() that throws synchronously into a rejection.
    inFlight = new Promise<Settings>((resolve) => resolve(deps.load()))
      .then(
        (settings) => {
          cached = { settings, loadedAt: deps.now() };
          lastFailedAt = undefined;
          return settings;
        },
        (error: unknown) => {
          const failure = toSettingsError(error);
          if (cached) {
            lastFailedAt = deps.now();
            deps.onStale?.(failure, lastFailedAt - cached.loadedAt);
          }
          throw failure;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  /** The load's result, or the settings held from before when it fails. */
  function orHeld(load: Promise<Settings>): Promise<Settings> {
    return load.catch((error: unknown) => {
      if (cached) return cached.settings;
      throw error;
    });
  }

  function get(): Promise<Settings> {
    const now = deps.now();
    if (cached && now - cached.loadedAt < deps.ttlMs) return Promise.resolve(cached.settings);
    // During an outage, ask SSM again at most every minRefreshIntervalMs, not per request.
    if (cached && lastFailedAt !== undefined && now - lastFailedAt < minRefreshIntervalMs) {
      return Promise.resolve(cached.settings);
    }
    return orHeld(startLoad());
  }

  return {
    get,
    refresh() {
      const throttled =
        lastReadStartedAt !== undefined && deps.now() - lastReadStartedAt < minRefreshIntervalMs;
      if (!throttled) return orHeld(startLoad());
      return inFlight ? orHeld(inFlight) : get();
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
