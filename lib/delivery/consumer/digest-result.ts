import { BUDGETS, jitteredBackoffMs } from '../budgets';
import type { PaceRecord } from '../ports';
import type { SendVerdict } from './attempt-send';
import { deadLetterAndReport } from './dead-letter-record';
import type { Invocation } from './invocation';
import { lastErrorOf, updatePace } from './pace-writes';
import type { LivePending } from './pending-run';

/** After a digest (or one pending event): go on with the backlog, or wait until `until`. */
export type Next = { go: true; pace: PaceRecord } | { go: false; pace: PaceRecord; until: number };

/**
 * Acts on what a robot answered to pending events sent by the flush token. Sent or
 * dead-lettered events leave the table (and the pending count); the others wait, the robot
 * blocked or backing off in the pace item, so every container waits with it.
 */
export async function settleDigest(
  group: string,
  run: readonly LivePending[],
  sent: { verdict: SendVerdict; pace: PaceRecord },
  invocation: Invocation,
): Promise<Next> {
  const { store, now, random } = invocation.deps;
  const { verdict } = sent;
  const robot = run[0]!.event.robot;
  const base = { robot: robot.name, platform: robot.platform };
  if (verdict.kind === 'wait') {
    deferred(group, run, verdict.wait, invocation);
    return { go: false, pace: sent.pace, until: verdict.wait.until };
  }
  const included = run.slice(0, verdict.count);
  const keys = included.map(({ event }) => event.body.key);
  const seqs = included.map(({ pending }) => pending.seq);
  const at = now();
  switch (verdict.kind) {
    case 'sent': {
      await store.removePending(group, seqs);
      const rest = run[included.length]?.pending.receivedAt ?? null;
      const pace = await updatePace(store, group, sent.pace, (p) => {
        const pendingCount = Math.max(0, p.pendingCount - included.length);
        const oldestPendingAt = rest ?? (pendingCount > 0 ? p.oldestPendingAt : null);
        return { ...p, pendingCount, oldestPendingAt, lastSuccessAt: at, failures: 0 };
      });
      if (included.length === 1) {
        invocation.report({ ...base, fate: 'sent', keys }, { group });
      } else {
        invocation.report({ ...base, fate: 'merged', keys, digestOf: keys }, { group });
        invocation.count('Merged', included.length);
      }
      invocation.count('Sent', 1);
      return { go: true, pace };
    }
    case 'dead': {
      const { reason, errcode } = verdict;
      for (const { pending, event } of included) {
        const original = { groupId: group, messageId: pending.messageId, body: pending.body };
        const dead = { ...base, reason, keys: [event.body.key], errcode };
        await deadLetterAndReport(original, dead, invocation);
      }
      await store.removePending(group, seqs);
      const pace = await updatePace(store, group, sent.pace, (p) => ({
        ...p,
        pendingCount: Math.max(0, p.pendingCount - included.length),
        lastError: reason === 'unparseable' ? p.lastError : lastErrorOf({ reason, errcode }, at),
      }));
      return { go: true, pace };
    }
    case 'block': {
      const until = at + BUDGETS[robot.platform].blockMs;
      const pace = await updatePace(store, group, sent.pace, (p) => ({
        ...p,
        blockedUntil: Math.max(p.blockedUntil, until),
        lastError: lastErrorOf(verdict.result, at),
      }));
      deferred(group, run, { until, reason: 'rate_limit' }, invocation);
      return { go: false, pace, until };
    }
    case 'backoff': {
      const pace = await updatePace(store, group, sent.pace, (p) => ({
        ...p,
        failures: p.failures + 1,
        lastError: lastErrorOf(verdict.result, at),
      }));
      // Counted per event: one that fails 90 digests in a row goes to the DLQ as `attempts`.
      await Promise.all(
        included.map(({ pending }) =>
          store.updatePending(group, { ...pending, attempts: pending.attempts + 1 }),
        ),
      );
      const until = at + jitteredBackoffMs(pace.failures, random);
      deferred(group, run, { until, reason: verdict.result.reason }, invocation);
      return { go: false, pace, until };
    }
  }
}

export function deferred(
  group: string,
  run: readonly LivePending[],
  wait: { until: number; reason: string },
  invocation: Invocation,
): void {
  const robot = run[0]!.event.robot;
  const keys = run.map(({ event }) => event.body.key);
  const outcome = { robot: robot.name, platform: robot.platform, keys, ...wait };
  invocation.report({ ...outcome, fate: 'deferred' }, { group });
  invocation.count('Deferred', 1);
}
