import { backoffMs, nextSlotAt, nextSpacedSlotAt, recentSends, type Budget } from '../budgets';
import type { PaceRecord, PacingStore } from '../ports';

/** Conditional writes lost to another writer before giving up (each re-reads the item). */
const WRITE_TRIES = 5;

/** The store kept changing under us: handled as a store failure (nothing sent, retried). */
export class PaceConflictError extends Error {
  constructor(group: string) {
    super(`the pace item of ${group} changed ${WRITE_TRIES} times during one update`);
    this.name = 'PaceConflictError';
  }
}

/**
 * Applies `change` to the robot's pace item with a conditional write on its version; when
 * another container wrote first, re-reads and applies `change` to what it wrote. `change`
 * sees the current item every time, so decisions made in it (is a flush token needed?) are
 * made on the stored state. Answers the item as stored.
 */
export async function updatePace(
  store: PacingStore,
  group: string,
  current: PaceRecord,
  change: (pace: PaceRecord) => PaceRecord,
): Promise<PaceRecord> {
  let pace = current;
  for (let attempt = 0; attempt < WRITE_TRIES; attempt++) {
    const next = change(pace);
    if (await store.writePace(group, next, pace.ver)) return { ...next, ver: pace.ver + 1 };
    pace = await store.readPace(group);
  }
  throw new PaceConflictError(group);
}

/** Why a robot must wait, and until when (epoch ms); null when it may be sent to now. */
export interface Wait {
  until: number;
  reason: string;
}

/**
 * How a send takes its slot: `free` takes any free one (a lone event on an idle robot goes
 * at once); `spaced` also keeps one gap after the robot's latest send (a backlog's digests,
 * spread evenly over the window instead of spent back to back).
 */
export type Pacing = 'free' | 'spaced';

/**
 * The earliest moment this robot may be sent to: after the platform's block, after the
 * backoff of its failures in a row (from the pace item, so every container waits the same),
 * and when a slot of its budget frees (with `spaced`, also one gap after its latest send).
 */
export function waitFor(
  pace: PaceRecord,
  budget: Budget,
  now: number,
  pacing: Pacing = 'free',
): Wait | null {
  const slotAt =
    pacing === 'spaced'
      ? nextSpacedSlotAt(pace.sent, budget, now)
      : nextSlotAt(pace.sent, budget, now);
  const waits: Wait[] = [
    { until: pace.blockedUntil, reason: 'rate_limit' },
    { until: slotAt, reason: 'pacing' },
  ];
  if (pace.failures > 0 && pace.lastError !== null) {
    const until = pace.lastError.at + backoffMs(pace.failures);
    waits.push({ until, reason: pace.lastError.reason });
  }
  const longest = waits.reduce((a, b) => (b.until > a.until ? b : a));
  return longest.until > now ? longest : null;
}

export type SlotResult =
  { ok: true; pace: PaceRecord } | { ok: false; wait: Wait; pace: PaceRecord };

/**
 * Takes one send slot: the send time goes into the pace item before the POST, by a
 * conditional write, so two containers can never both take the last slot. `carry` adds what
 * the caller has to record anyway (the robot's name, the last success).
 */
export async function takeSlot(
  store: PacingStore,
  group: string,
  current: PaceRecord,
  input: { budget: Budget; now: number; carry: Partial<PaceRecord>; pacing?: Pacing },
): Promise<SlotResult> {
  let pace = current;
  for (let attempt = 0; attempt < WRITE_TRIES; attempt++) {
    // Checked again on every re-read: another container's send moves the spaced slot too.
    const wait = waitFor(pace, input.budget, input.now, input.pacing);
    if (wait !== null) return { ok: false, wait, pace };
    const sent = [...recentSends(pace.sent, input.now), input.now];
    const next = { ...pace, ...input.carry, sent };
    if (await store.writePace(group, next, pace.ver)) {
      return { ok: true, pace: { ...next, ver: pace.ver + 1 } };
    }
    pace = await store.readPace(group);
  }
  throw new PaceConflictError(group);
}

/** What the pace item records of a refused send. */
export function lastErrorOf(
  result: { reason: string; errcode?: number },
  now: number,
): NonNullable<PaceRecord['lastError']> {
  return result.errcode === undefined
    ? { reason: result.reason, at: now }
    : { reason: result.reason, errcode: result.errcode, at: now };
}
