import {
  emptyPace,
  type PaceRecord,
  type PacingStore,
  type PendingEvent,
} from '../../lib/delivery/ports';

/** A store under test, on a clock the suite moves; `close` frees what the factory started. */
export interface PacingSubject {
  store: PacingStore;
  close?: () => Promise<void>;
}

export type PacingFactory = (now: () => number) => Promise<PacingSubject>;

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2025, 4, 1, 8, 0, 0);

export function seq(n: number): string {
  return String(n).padStart(40, '0');
}

export function pendingEvent(n: number, overrides: Partial<PendingEvent> = {}): PendingEvent {
  return {
    seq: seq(n),
    messageId: `msg-${n}`,
    body: JSON.stringify({ v: 1, robot: 'team', key: `k${n}` }),
    sentTimestamp: START - 1000,
    receivedAt: START - 2000,
    attempts: 0,
    ...overrides,
  };
}

function paceOf(overrides: Partial<PaceRecord> = {}): PaceRecord {
  return { ...emptyPace('team'), ...overrides };
}

/**
 * The PacingStore contract, run against every implementation (memory and DynamoDB on dynalite),
 * so the consumer sees the same behaviour locally and in production.
 */
export function describePacingContract(name: string, factory: PacingFactory): void {
  describe(`${name}: PacingStore contract`, () => {
    let clock = START;
    let subject: PacingSubject;
    let group = '';
    let counter = 0;
    let store: PacingStore;

    beforeEach(async () => {
      clock = START;
      subject = await factory(() => clock);
      store = subject.store;
      counter += 1;
      group = `r-${String(counter).padStart(16, '0')}`;
    });
    afterEach(async () => {
      await subject.close?.();
    });

    it('answers a fresh record with ver 0 for a robot never seen', async () => {
      expect(await store.readPace(group)).toEqual({ ...emptyPace(''), robot: expect.any(String) });
      expect((await store.readPace(group)).ver).toBe(0);
    });

    it('stores a first write at ver 1 and returns every field as written', async () => {
      const next = paceOf({
        sent: [START - 30_000, START - 10_000],
        blockedUntil: START + 600_000,
        oldestPendingAt: START - 5000,
        pendingCount: 3,
        flushTokenAt: START - 1000,
        failures: 2,
        lastError: { reason: 'keyword', errcode: 310000, at: START - 20_000 },
        lastSuccessAt: START - 10_000,
      });
      expect(await store.writePace(group, next, 0)).toBe(true);
      expect(await store.readPace(group)).toEqual({ ...next, ver: 1 });
    });

    it('keeps a lastError without errcode and null fields as null', async () => {
      const next = paceOf({ lastError: { reason: 'network', at: START } });
      await store.writePace(group, next, 0);
      const read = await store.readPace(group);
      expect(read.lastError).toEqual({ reason: 'network', at: START });
      expect(read).toMatchObject({
        oldestPendingAt: null,
        flushTokenAt: null,
        lastSuccessAt: null,
      });
    });

    it('refuses a write whose expected version is stale and keeps what is stored', async () => {
      await store.writePace(group, paceOf({ sent: [1] }), 0);
      await store.writePace(group, paceOf({ sent: [1, 2] }), 1);
      expect(await store.writePace(group, paceOf({ sent: [9] }), 1)).toBe(false);
      expect(await store.writePace(group, paceOf({ sent: [9] }), 0)).toBe(false);
      expect(await store.readPace(group)).toEqual(paceOf({ sent: [1, 2], ver: 2 }));
    });

    it('refuses a write expecting an item that does not exist', async () => {
      expect(await store.writePace(group, paceOf(), 3)).toBe(false);
      expect((await store.readPace(group)).ver).toBe(0);
    });

    it('lets exactly one of two writers racing on the same version win', async () => {
      const seen = await store.readPace(group);
      const results = await Promise.all([
        store.writePace(group, paceOf({ sent: [START] }), seen.ver),
        store.writePace(group, paceOf({ sent: [START + 1] }), seen.ver),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? [START] : [START + 1];
      expect(await store.readPace(group)).toEqual(paceOf({ sent: winner, ver: 1 }));
    });

    it('does not share state between robot groups', async () => {
      await store.writePace(group, paceOf({ sent: [5] }), 0);
      expect((await store.readPace(`${group}x`)).ver).toBe(0);
      await store.addPending(group, pendingEvent(1));
      expect(await store.listPending(`${group}x`, 10)).toEqual([]);
    });

    it('is not changed by mutating a record it answered', async () => {
      await store.writePace(group, paceOf({ sent: [5] }), 0);
      const read = await store.readPace(group);
      read.sent.push(6);
      expect((await store.readPace(group)).sent).toEqual([5]);
    });

    it('treats a pacing item past its TTL as absent, even before TTL deletes it', async () => {
      await store.writePace(group, paceOf({ sent: [START], blockedUntil: START + 1 }), 0);
      clock = START + 14 * DAY_MS + 2000;
      expect((await store.readPace(group)).ver).toBe(0);
      expect(await store.writePace(group, paceOf({ sent: [clock] }), 1)).toBe(false);
      expect(await store.writePace(group, paceOf({ sent: [clock] }), 0)).toBe(true);
      expect(await store.readPace(group)).toEqual(paceOf({ sent: [clock], ver: 1 }));
    });

    it('keeps a pacing item written again within 14 days', async () => {
      await store.writePace(group, paceOf(), 0);
      clock = START + 10 * DAY_MS;
      await store.writePace(group, paceOf({ failures: 1 }), 1);
      clock = START + 20 * DAY_MS;
      expect(await store.readPace(group)).toEqual(paceOf({ failures: 1, ver: 2 }));
    });

    it('lists pending events oldest seq first, up to the limit', async () => {
      for (const n of [5, 1, 30, 12, 2]) await store.addPending(group, pendingEvent(n));
      expect((await store.listPending(group, 3)).map((e) => e.seq)).toEqual([
        seq(1),
        seq(2),
        seq(5),
      ]);
      expect(await store.listPending(group, 10)).toEqual(
        [1, 2, 5, 12, 30].map((n) => pendingEvent(n)),
      );
    });

    it('stores the same seq once: adding it again changes nothing', async () => {
      await store.addPending(group, pendingEvent(1, { body: 'first' }));
      await store.addPending(group, pendingEvent(1, { body: 'second', attempts: 4 }));
      expect(await store.listPending(group, 10)).toEqual([pendingEvent(1, { body: 'first' })]);
    });

    it('skips pending events 14 days past their SentTimestamp', async () => {
      await store.addPending(group, pendingEvent(1, { sentTimestamp: START - 15 * DAY_MS }));
      await store.addPending(group, pendingEvent(2));
      expect((await store.listPending(group, 10)).map((e) => e.seq)).toEqual([seq(2)]);
      await store.addPending(group, pendingEvent(1, { body: 'again' }));
      expect((await store.listPending(group, 10)).map((e) => e.body)[0]).toBe('again');
    });

    it('fills the limit past expired events that sort first', async () => {
      for (let n = 1; n <= 12; n += 1) {
        await store.addPending(group, pendingEvent(n, { sentTimestamp: START - 15 * DAY_MS }));
      }
      for (let n = 13; n <= 16; n += 1) await store.addPending(group, pendingEvent(n));
      expect((await store.listPending(group, 3)).map((e) => e.seq)).toEqual([
        seq(13),
        seq(14),
        seq(15),
      ]);
    });

    it('replaces a stored pending event, and does not bring back a removed one', async () => {
      await store.addPending(group, pendingEvent(1));
      await store.addPending(group, pendingEvent(2));
      await store.updatePending(group, pendingEvent(1, { attempts: 2 }));
      await store.removePending(group, [seq(2)]);
      await store.updatePending(group, pendingEvent(2, { attempts: 1 }));
      expect(await store.listPending(group, 10)).toEqual([pendingEvent(1, { attempts: 2 })]);
    });

    it('removes the listed seqs and ignores ones it does not hold', async () => {
      for (const n of [1, 2, 3]) await store.addPending(group, pendingEvent(n));
      await store.removePending(group, [seq(1), seq(3), seq(99)]);
      await store.removePending(group, []);
      expect((await store.listPending(group, 10)).map((e) => e.seq)).toEqual([seq(2)]);
    });

    it('keeps pending events apart from the pacing item', async () => {
      await store.addPending(group, pendingEvent(1));
      expect((await store.readPace(group)).ver).toBe(0);
      await store.writePace(group, paceOf({ pendingCount: 1 }), 0);
      expect(await store.listPending(group, 10)).toEqual([pendingEvent(1)]);
    });
  });
}
