import { withMemoryFallback } from '../../lib/routing/claims-fallback';
import { createMemoryReplayStore } from '../../lib/routing/replay-memory';
import type { ReplayStore } from '../../lib/routing/replay-store';

const now = () => 1_000_000;
const LATER = 2_000_000;
const down = () => Promise.reject(Object.assign(new Error('down'), { name: 'NetworkError' }));

function setup(shared: ReplayStore, timeoutMs?: number) {
  const memory = createMemoryReplayStore({ now });
  const problems: unknown[] = [];
  const store = withMemoryFallback(shared, memory, {
    onFallback: (problem) => problems.push(problem),
    timeoutMs,
  });
  return { memory, problems, store };
}

describe('withMemoryFallback', () => {
  it('answers from the table while it works, and leaves memory alone', async () => {
    const table = createMemoryReplayStore({ now });
    const { memory, problems, store } = setup(table);
    expect(await store.remember('k', 'a', LATER)).toBe('new');
    expect(await store.remember('k', 'b', LATER)).toBe('different');
    expect(await store.held!('k')).toBe(true);
    expect(await memory.held!('k')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('answers from memory when the table fails, and says so each time', async () => {
    const { problems, store } = setup({ remember: down, held: down });
    expect(await store.remember('k', 'a', LATER)).toBe('new');
    expect(await store.remember('k', 'a', LATER)).toBe('same');
    expect(await store.held!('k')).toBe(true);
    expect(problems.map((problem) => (problem as Error).name)).toEqual([
      'NetworkError',
      'NetworkError',
      'NetworkError',
    ]);
  });

  it('gives up on a table that does not answer in time', async () => {
    const hang = () => new Promise<never>(() => undefined);
    const { problems, store } = setup({ remember: hang, held: hang }, 20);
    expect(await store.remember('k', 'a', LATER)).toBe('new');
    expect((problems[0] as Error).name).toBe('StoreTimeoutError');
  });

  it('has no held() when the table has none, so a lone assign is never silenced by memory', () => {
    const { store } = setup({ remember: () => Promise.resolve('new') });
    expect(store.held).toBeUndefined();
  });
});
