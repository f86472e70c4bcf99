import { emptyPace, type PaceRecord, type PacingStore, type PendingEvent } from '../delivery/ports';
import { isExpired, paceExpiresAt, pendingExpiresAt } from './table-ttl';

export interface MemoryPacingDeps {
  now: () => number;
}

interface Stored<T> {
  value: T;
  expiresAt: number;
}

interface GroupItems {
  pace: Stored<PaceRecord> | null;
  pending: Map<string, Stored<PendingEvent>>;
}

/**
 * The pacing store of `npm start` and the unit tests: the same rules as the DynamoDB table
 * (conditional pace writes on `ver`, idempotent pending puts, seq order, TTL honoured on read),
 * so code that passes against it passes against the table. Values are copied in and out, as a
 * network store would, so a caller mutating a record it read cannot change what is stored.
 */
export function createMemoryPacingStore(deps: MemoryPacingDeps): PacingStore {
  const groups = new Map<string, GroupItems>();

  function itemsOf(group: string): GroupItems {
    let items = groups.get(group);
    if (!items) {
      items = { pace: null, pending: new Map() };
      groups.set(group, items);
    }
    return items;
  }

  function livePace(group: string): PaceRecord | null {
    const pace = groups.get(group)?.pace;
    return pace && !isExpired(pace.expiresAt, deps.now()) ? pace.value : null;
  }

  function livePending(group: string, seq: string): PendingEvent | null {
    const held = groups.get(group)?.pending.get(seq);
    return held && !isExpired(held.expiresAt, deps.now()) ? held.value : null;
  }

  function storePending(group: string, event: PendingEvent): void {
    const value = structuredClone(event);
    itemsOf(group).pending.set(event.seq, { value, expiresAt: pendingExpiresAt(value) });
  }

  return {
    readPace(group) {
      const pace = livePace(group);
      return Promise.resolve(pace ? structuredClone(pace) : emptyPace(''));
    },

    writePace(group, next, expectedVer) {
      if ((livePace(group)?.ver ?? 0) !== expectedVer) return Promise.resolve(false);
      const value = { ...structuredClone(next), ver: expectedVer + 1 };
      itemsOf(group).pace = { value, expiresAt: paceExpiresAt(deps.now()) };
      return Promise.resolve(true);
    },

    addPending(group, event) {
      if (!livePending(group, event.seq)) storePending(group, event);
      return Promise.resolve();
    },

    listPending(group, limit) {
      const now = deps.now();
      const live = [...(groups.get(group)?.pending.values() ?? [])]
        .filter((held) => !isExpired(held.expiresAt, now))
        .map((held) => held.value)
        .sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
      return Promise.resolve(live.slice(0, Math.max(0, limit)).map((e) => structuredClone(e)));
    },

    // Only an event still stored is replaced: one removed meanwhile (sent by a digest) must not
    // come back, or it would be sent twice.
    updatePending(group, event) {
      if (livePending(group, event.seq)) storePending(group, event);
      return Promise.resolve();
    },

    removePending(group, seqs) {
      const pending = groups.get(group)?.pending;
      for (const seq of seqs) pending?.delete(seq);
      return Promise.resolve();
    },
  };
}
