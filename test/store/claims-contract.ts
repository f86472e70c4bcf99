import type { ReplayStore } from '../../lib/routing/replay-store';

export interface ClaimSubject {
  /** A store for replay records and one for burst records, sharing whatever backs them. */
  replays: ReplayStore;
  bursts: ReplayStore;
}

export type ClaimFactory = (now: () => number) => Promise<ClaimSubject>;

const START = Date.UTC(2025, 4, 1, 8, 0, 0);
const WINDOW = 300_000;

/**
 * The ReplayStore contract (lib/routing/replay-store.ts), run against the memory store and the
 * table, so replay and burst records behave alike in one container and across many.
 */
export function describeClaimContract(name: string, factory: ClaimFactory): void {
  describe(`${name}: ReplayStore contract`, () => {
    let clock = START;
    let subject: ClaimSubject;
    let counter = 0;
    let key = '';

    beforeEach(async () => {
      clock = START;
      subject = await factory(() => clock);
      counter += 1;
      key = `${'ab'.repeat(24)}${String(counter).padStart(16, '0')}`;
    });

    it('answers new, then same for the same body, then different for another', async () => {
      const { replays } = subject;
      expect(await replays.remember(key, 'hash-a', START + WINDOW)).toBe('new');
      expect(await replays.remember(key, 'hash-a', START + WINDOW)).toBe('same');
      expect(await replays.remember(key, 'hash-b', START + WINDOW)).toBe('different');
      expect(await replays.remember(key, 'hash-a', START + WINDOW)).toBe('same');
    });

    it('holds a record until its expiry and lets the key be claimed again after it', async () => {
      const { replays } = subject;
      await replays.remember(key, 'hash-a', START + WINDOW);
      clock = START + WINDOW;
      expect(await replays.remember(key, 'hash-b', clock + WINDOW)).toBe('different');
      clock = START + WINDOW + 1000;
      expect(await replays.remember(key, 'hash-b', clock + WINDOW)).toBe('new');
      expect(await replays.remember(key, 'hash-b', clock + WINDOW)).toBe('same');
    });

    it('lets exactly one of two racing claims with different bodies win', async () => {
      const verdicts = await Promise.all([
        subject.replays.remember(key, 'hash-a', START + WINDOW),
        subject.replays.remember(key, 'hash-b', START + WINDOW),
      ]);
      expect([...verdicts].sort()).toEqual(['different', 'new']);
    });

    it('answers same to the loser of a race with the same body', async () => {
      const verdicts = await Promise.all(
        [1, 2, 3].map(() => subject.bursts.remember(key, 'pr-open', START + WINDOW)),
      );
      expect([...verdicts].sort()).toEqual(['new', 'same', 'same']);
    });

    it('keeps replay and burst records of the same key apart', async () => {
      expect(await subject.replays.remember(key, 'hash-a', START + WINDOW)).toBe('new');
      expect(await subject.bursts.remember(key, 'hash-b', START + WINDOW)).toBe('new');
    });
  });
}
