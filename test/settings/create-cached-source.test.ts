import { SettingsError } from '../../lib/errors';
import { createCachedSettingsSource } from '../../lib/settings/create-cached-source';
import type { Settings } from '../../lib/settings/types';

/** Settings tagged with which load produced them. */
function settingsNumber(marker: number): Settings {
  const settings: Settings & { marker: number } = {
    giteeSecrets: [],
    giteeAuth: 'either',
    links: { giteeHosts: ['gitee.com'] },
    robots: [],
    routes: undefined,
    mentions: {},
    filters: { ignoreSenders: [], skipCommitPattern: null },
    marker,
  };
  return settings;
}

/** A load whose calls are counted and whose results the test decides, with a movable clock. */
function createHarness(ttlMs = 300_000) {
  let clock = 1_000_000;
  let calls = 0;
  let next: () => Promise<Settings> = async () => settingsNumber(calls);
  const source = createCachedSettingsSource({
    load: () => {
      calls += 1;
      return next();
    },
    now: () => clock,
    ttlMs,
  });
  return {
    source,
    get calls() {
      return calls;
    },
    advance(ms: number) {
      clock += ms;
    },
    willLoad(load: () => Promise<Settings>) {
      next = load;
    },
  };
}

function markerOf(settings: Settings): unknown {
  return (settings as Settings & { marker: number }).marker;
}

describe('createCachedSettingsSource', () => {
  it('serves the cached settings within the TTL and loads again after it', async () => {
    const h = createHarness(300_000);

    expect(markerOf(await h.source.get())).toBe(1);
    h.advance(299_999);
    expect(markerOf(await h.source.get())).toBe(1);
    h.advance(1);
    expect(markerOf(await h.source.get())).toBe(2);
    expect(h.calls).toBe(2);
  });

  it('shares one in-flight load between concurrent get() calls', async () => {
    const h = createHarness();
    let release: (settings: Settings) => void = () => undefined;
    h.willLoad(() => new Promise((resolve) => (release = resolve)));

    const both = Promise.all([h.source.get(), h.source.get(), h.source.refresh()]);
    release(settingsNumber(7));
    const results = await both;

    expect(h.calls).toBe(1);
    expect(results.map(markerOf)).toEqual([7, 7, 7]);
  });

  it('never caches a failure: the next get() loads again and recovers', async () => {
    const h = createHarness();
    h.willLoad(() =>
      Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDeniedException' })),
    );

    const failure = await h.source.get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SettingsError);
    expect((failure as Error).message).toBe('settings load failed: AccessDeniedException');
    expect((failure as Error).cause).toBeInstanceOf(Error);

    h.willLoad(async () => settingsNumber(42));
    expect(markerOf(await h.source.get())).toBe(42);
    expect(h.calls).toBe(2);
  });

  it('passes a SettingsError from the load through unchanged (its message names the problem)', async () => {
    const h = createHarness();
    const invalid = new SettingsError(
      'invalid settings (1 problem):\n  config: defaults.locale: …',
    );
    h.willLoad(() => Promise.reject(invalid));

    await expect(h.source.get()).rejects.toBe(invalid);
  });

  it('wraps a load that throws synchronously', async () => {
    const source = createCachedSettingsSource({
      load: () => {
        throw new TypeError('boom');
      },
      now: () => 0,
      ttlMs: 1000,
    });
    await expect(source.get()).rejects.toThrow('settings load failed: TypeError');
  });

  it('re-reads at once on refresh(), but at most once every 10 seconds', async () => {
    const h = createHarness();
    await h.source.get();

    h.advance(10_000);
    expect(markerOf(await h.source.refresh())).toBe(2);
    h.advance(9_999);
    expect(markerOf(await h.source.refresh())).toBe(2);
    h.advance(1);
    expect(markerOf(await h.source.refresh())).toBe(3);
    expect(h.calls).toBe(3);
  });

  it('counts a failed read toward the refresh throttle, serving the settings it holds', async () => {
    const h = createHarness();
    await h.source.get();
    h.advance(20_000);
    h.willLoad(() => Promise.reject(new Error('down')));
    expect(markerOf(await h.source.refresh())).toBe(1);

    h.willLoad(async () => settingsNumber(9));
    h.advance(1_000);
    // Throttled: the cache (still within its TTL) answers, no SSM call.
    expect(markerOf(await h.source.refresh())).toBe(1);
    expect(h.calls).toBe(2);
  });

  it('keeps serving good settings when a re-read after the TTL fails, and reports it', async () => {
    let clock = 0;
    let calls = 0;
    let fail = false;
    const stale: Array<[string, number]> = [];
    const source = createCachedSettingsSource({
      load: async () => {
        calls += 1;
        if (fail) throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
        return settingsNumber(calls);
      },
      now: () => clock,
      ttlMs: 300_000,
      onStale: (error, ageMs) => stale.push([error.message, ageMs]),
    });
    expect(markerOf(await source.get())).toBe(1);
    fail = true;
    clock = 300_000;
    expect(markerOf(await source.get())).toBe(1);
    expect(stale).toEqual([['settings load failed: ThrottlingException', 300_000]]);
    clock += 9_999;
    expect(markerOf(await source.get())).toBe(1);
    expect(calls).toBe(2); // within 10 s of the failure SSM is not asked again
    fail = false;
    clock += 1;
    expect(markerOf(await source.get())).toBe(3);
    clock += 1;
    expect(markerOf(await source.get())).toBe(3);
  });

  it('honours a custom minRefreshIntervalMs', async () => {
    let calls = 0;
    const source = createCachedSettingsSource({
      load: async () => settingsNumber(++calls),
      now: () => 0,
      ttlMs: 1000,
      minRefreshIntervalMs: 0,
    });
    await source.get();
    await source.refresh();
    expect(calls).toBe(2);
  });

  it('prime() starts the load without waiting, and get() then uses it', async () => {
    const h = createHarness();
    h.source.prime();
    expect(h.calls).toBe(1);
    expect(markerOf(await h.source.get())).toBe(1);
    expect(h.calls).toBe(1);
  });

  it('prime() with a failing load causes no unhandled rejection, and get() loads again', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const h = createHarness();
      h.willLoad(() => Promise.reject(new Error('SSM down at cold start')));
      h.source.prime();
      await new Promise((resolve) => setTimeout(resolve, 20));

      expect(unhandled).toEqual([]);
      h.willLoad(async () => settingsNumber(5));
      expect(markerOf(await h.source.get())).toBe(5);
      expect(h.calls).toBe(2);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
