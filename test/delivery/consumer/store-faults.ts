import type { PacingStore } from '../../../lib/delivery/ports';

type Method = keyof PacingStore;

/**
 * A pacing store in front of a real one that can be made to fail (as DynamoDB does when it is
 * down or throttling) per method, and that can run a step of the test just before a call:
 * how the tests put two containers' steps in a chosen order.
 */
export interface FaultyStore extends PacingStore {
  down: Set<Method>;
  calls: Method[];
  /** Runs `step` once, just before the next call of `method` that `when` accepts. */
  before(method: Method, step: () => Promise<void>, when?: (args: unknown[]) => boolean): void;
}

export function createFaultyStore(inner: PacingStore): FaultyStore {
  const hooks: Array<{
    method: Method;
    step: () => Promise<void>;
    when: (a: unknown[]) => boolean;
  }> = [];
  const store = { down: new Set<Method>(), calls: [] as Method[] } as FaultyStore;
  const wrap =
    <K extends Method>(method: K) =>
    async (...args: Parameters<PacingStore[K]>): Promise<Awaited<ReturnType<PacingStore[K]>>> => {
      store.calls.push(method);
      const index = hooks.findIndex((hook) => hook.method === method && hook.when(args));
      if (index !== -1) await hooks.splice(index, 1)[0]!.step();
      if (store.down.has(method)) throw new Error(`DynamoDB unavailable (test): ${method}`);
      const call = inner[method] as (
        ...a: Parameters<PacingStore[K]>
      ) => ReturnType<PacingStore[K]>;
      return call.apply(inner, args) as Awaited<ReturnType<PacingStore[K]>>;
    };
  store.readPace = wrap('readPace');
  store.writePace = wrap('writePace');
  store.addPending = wrap('addPending');
  store.listPending = wrap('listPending');
  store.updatePending = wrap('updatePending');
  store.removePending = wrap('removePending');
  store.before = (method, step, when = () => true) => hooks.push({ method, step, when });
  return store;
}
