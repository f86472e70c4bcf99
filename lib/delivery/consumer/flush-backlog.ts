import { BUDGETS, recentSends } from '../budgets';
import type { PaceRecord } from '../ports';
import { attemptSend } from './attempt-send';
import { deadLetterAndReport } from './dead-letter-record';
import { drawPending } from './digest-draw';
import { deferred, settleDigest } from './digest-result';
import type { Invocation } from './invocation';
import { updatePace, waitFor } from './pace-writes';
import { leadingRun, sortPending, type DeadPending } from './pending-run';

/** Pending events read per pass: more than any digest holds. */
const LIST_LIMIT = 200;
/** Passes per handling; each sends, drops dead events or re-reads after a lost write. */
const MAX_PASSES = 40;
/** When time is up with a backlog left, the token comes back this soon. */
const SOON_MS = 1000;

/** The token's handling is done (nothing pending), or it comes back at `until`. */
export type FlushResult = { done: true } | { done: false; until: number; pace: PaceRecord };

/**
 * What a flush token does for its robot group: sends the pending events, oldest first, in
 * digests spaced evenly over the budget's window (a gap after the robot's latest send, on
 * top of the rolling window), as long as the invocation has time; stops at the first wait,
 * so the token normally sends one digest per handling and comes back at the next spaced
 * slot. With nothing pending it clears `flushTokenAt`, conditionally: an event stored in the
 * meantime bumped the version, so the token re-reads and finds it instead of leaving it
 * without a token.
 */
export async function flushBacklog(group: string, invocation: Invocation): Promise<FlushResult> {
  const { store, now } = invocation.deps;
  let pace = await store.readPace(group);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const list = await store.listPending(group, LIST_LIMIT);
    if (list.length === 0) {
      const at = now();
      const cleared = { ...pace, sent: recentSends(pace.sent, at), pendingCount: 0 };
      const next = { ...cleared, oldestPendingAt: null, flushTokenAt: null };
      if (await store.writePace(group, next, pace.ver)) return { done: true };
      pace = await store.readPace(group);
      continue;
    }
    const { live, dead } = sortPending(list, invocation.settings, now());
    if (dead.length > 0) {
      pace = await dropDead(group, pace, dead, invocation);
      continue;
    }
    const run = leadingRun(live);
    const robot = run[0]!.event.robot;
    // A backlog's sends are spaced: the token comes back at the next spaced slot.
    const wait = waitFor(pace, BUDGETS[robot.platform], now(), 'spaced');
    if (wait !== null) {
      deferred(group, run, wait, invocation);
      return { done: false, until: wait.until, pace };
    }
    if (now() >= invocation.sendsUntil) return { done: false, until: now() + SOON_MS, pace };
    // "N more follow" counts this robot's events; past one listing, the pace item's count.
    const listed = live.filter(({ event }) => event.robot.name === robot.name).length;
    const total = list.length < LIST_LIMIT ? listed : Math.max(pace.pendingCount, listed);
    const carry = { robot: robot.name, flushTokenAt: now() };
    const draw = drawPending(run, total, invocation);
    const slot = { group, pace, carry, pacing: 'spaced' as const };
    const sent = await attemptSend(draw, robot, slot, invocation);
    const next = await settleDigest(group, run, sent, invocation);
    pace = next.pace;
    if (!next.go) return { done: false, until: next.until, pace };
  }
  return { done: false, until: now() + SOON_MS, pace };
}

async function dropDead(
  group: string,
  pace: PaceRecord,
  dead: readonly DeadPending[],
  invocation: Invocation,
): Promise<PaceRecord> {
  for (const { pending, event } of dead) {
    const original = { groupId: group, messageId: pending.messageId, body: pending.body };
    const keys = event.key === null ? [] : [event.key];
    const info = { reason: event.reason, robot: event.robot, platform: event.platform, keys };
    await deadLetterAndReport(original, info, invocation);
  }
  const { store } = invocation.deps;
  await store.removePending(
    group,
    dead.map(({ pending }) => pending.seq),
  );
  return updatePace(store, group, pace, (p) => ({
    ...p,
    pendingCount: Math.max(0, p.pendingCount - dead.length),
  }));
}
