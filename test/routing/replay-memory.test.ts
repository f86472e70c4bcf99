import { createHash } from 'node:crypto';
import { createMemoryReplayStore } from '../../lib/routing/replay-memory';
import { rememberDelivery, type ReplayStore } from '../../lib/routing/replay-store';

/** One step: key, body hash, expiry and the store's clock at that moment. */
type Step = [key: string, bodyHash: string, expiresAtMs: number, at: number];

async function run(steps: Step[], maxEntries?: number) {
  let clock = 0;
  const store = createMemoryReplayStore({ now: () => clock, maxEntries });
  const verdicts: string[] = [];
  for (const [key, bodyHash, expiresAtMs, at] of steps) {
    clock = at;
    verdicts.push(await store.remember(key, bodyHash, expiresAtMs));
  }
  return verdicts;
}

describe('createMemoryReplayStore', () => {
  it('answers new, then same for the same body, then different for another body', async () => {
    expect(
      await run([
        ['k', 'body-a', 100, 0],
        ['k', 'body-a', 100, 1],
        ['k', 'body-b', 100, 2],
      ]),
    ).toEqual(['new', 'same', 'different']);
  });

  it('keeps the first body: a replay does not replace it', async () => {
    expect(
      await run([
        ['k', 'body-a', 100, 0],
        ['k', 'body-b', 100, 1],
        ['k', 'body-a', 100, 2],
      ]),
    ).toEqual(['new', 'different', 'same']);
  });

  it('keeps a record until its expiry, inclusive, and forgets it after', async () => {
    expect(
      await run([
        ['k', 'a', 100, 0],
        ['k', 'b', 100, 100],
        ['k', 'b', 200, 101],
        ['k', 'b', 200, 102],
      ]),
    ).toEqual(['new', 'different', 'new', 'same']);
  });

  it('tells keys apart', async () => {
    expect(
      await run([
        ['k1', 'a', 100, 0],
        ['k2', 'a', 100, 1],
      ]),
    ).toEqual(['new', 'new']);
  });

  it('forgets the oldest arrival once maxEntries are held', async () => {
    expect(
      await run(
        [
          ['a', 'x', 1000, 0],
          ['b', 'x', 1000, 1],
          ['c', 'x', 1000, 2],
          ['b', 'y', 1000, 3],
          ['a', 'y', 1000, 4],
        ],
        2,
      ),
    ).toEqual(['new', 'new', 'new', 'different', 'new']);
  });

  it('drops expired records before live ones when full', async () => {
    expect(
      await run(
        [
          ['old', 'x', 10, 0],
          ['live', 'x', 1000, 1],
          ['next', 'x', 1000, 20],
          ['live', 'y', 1000, 21],
        ],
        2,
      ),
    ).toEqual(['new', 'new', 'new', 'different']);
  });

  it('holds at most maxEntries live records', async () => {
    const steps: Step[] = Array.from({ length: 50 }, (_, i) => [`k${i}`, 'x', 1e9, i]);
    // After 50 arrivals only the 10 newest are remembered.
    steps.push(['k40', 'y', 1e9, 60], ['k39', 'y', 1e9, 61]);
    const verdicts = await run(steps, 10);
    expect(verdicts.slice(-2)).toEqual(['different', 'new']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %p', (maxEntries) => {
    expect(() => createMemoryReplayStore({ now: () => 0, maxEntries })).toThrow(RangeError);
  });
});

describe('rememberDelivery', () => {
  /** A store that records what it was asked, answering a fixed verdict. */
  function recordingStore(verdict: 'new' | 'same' | 'different') {
    const calls: Array<[string, string, number]> = [];
    const store: ReplayStore = {
      remember: (key, bodyHash, expiresAtMs) => {
        calls.push([key, bodyHash, expiresAtMs]);
        return Promise.resolve(verdict);
      },
    };
    return { store, calls };
  }

  it.each<['new' | 'same' | 'different', string | null]>([
    ['new', null],
    ['same', 'duplicate delivery'],
    ['different', 'replayed signature'],
  ])('answers %s with %p', async (verdict, reason) => {
    const { store } = recordingStore(verdict);
    expect(await rememberDelivery(store, { replayKey: 'k', validUntilMs: 5 }, '{}')).toBe(reason);
  });

  it('stores the sha256 of the body under the key until the credential goes stale', async () => {
    const { store, calls } = recordingStore('new');
    const body = '{"hook_name":"push_hooks","message":"提交"}';
    await rememberDelivery(store, { replayKey: 'key-1', validUntilMs: 1234 }, body);
    const expected = createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(calls).toEqual([['key-1', expected, 1234]]);
  });
});
