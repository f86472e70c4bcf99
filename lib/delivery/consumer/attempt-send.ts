import type { DeliveryJob, DeliveryResult } from '../../send/types';
import type { RobotSettings } from '../../settings/types';
import { BUDGETS } from '../budgets';
import type { DeadLetterReason } from '../outcome';
import type { PaceRecord } from '../ports';
import { failureAction } from './failure-action';
import type { Invocation } from './invocation';
import { takeSlot, type Pacing, type Wait } from './pace-writes';
import { sendJob } from './send-job';

type Failed = Extract<DeliveryResult, { ok: false }>;

/** A message drawn for a robot, and how many queued events it carries (a digest: several). */
export interface Drawn {
  job: DeliveryJob;
  count: number;
}

/** What came of one send (a lone event or a digest), for the caller to act on. */
export type SendVerdict =
  | { kind: 'sent'; count: number }
  /** No slot, or the robot is blocked or backing off: nothing was sent. */
  | { kind: 'wait'; wait: Wait }
  | { kind: 'block'; result: Failed; count: number }
  | { kind: 'backoff'; result: Failed; count: number }
  | { kind: 'dead'; reason: DeadLetterReason; errcode?: number; count: number };

/** Whether a refresh gave the robot new credentials on the platform it was drawn for. */
function renewed(robot: RobotSettings, fresh: RobotSettings | undefined): fresh is RobotSettings {
  return (
    fresh !== undefined &&
    fresh.platform === robot.platform &&
    (fresh.webhook.reveal() !== robot.webhook.reveal() ||
      fresh.secret?.reveal() !== robot.secret?.reveal())
  );
}

/**
 * Takes a slot and sends what `draw` makes for the robot. A signature or token refusal
 * re-reads the settings once: a rotated secret or webhook is retried once (a slot of its own);
 * unchanged settings make it a dead letter. A draw that throws (a body no renderer can draw)
 * is a dead letter `unparseable`.
 */
export async function attemptSend(
  draw: (robot: RobotSettings) => Promise<Drawn>,
  robot: RobotSettings,
  slot: { group: string; pace: PaceRecord; carry: Partial<PaceRecord>; pacing?: Pacing },
  invocation: Invocation,
): Promise<{ verdict: SendVerdict; pace: PaceRecord }> {
  const { store, now } = invocation.deps;
  let drawn: Drawn;
  try {
    drawn = await draw(robot);
  } catch {
    return { verdict: { kind: 'dead', reason: 'unparseable', count: 1 }, pace: slot.pace };
  }
  const budget = BUDGETS[robot.platform];
  const taken = await takeSlot(store, slot.group, slot.pace, {
    budget,
    now: now(),
    carry: slot.carry,
    pacing: slot.pacing,
  });
  if (!taken.ok) return { verdict: { kind: 'wait', wait: taken.wait }, pace: taken.pace };
  const result = await sendJob(drawn.job, invocation);
  if (result.ok) return { verdict: { kind: 'sent', count: drawn.count }, pace: taken.pace };
  const action = failureAction(result.reason);
  if (action.kind !== 'refresh')
    return { verdict: verdictOf(result, drawn.count), pace: taken.pace };
  const fresh = (await invocation.refresh())?.robots.find((other) => other.name === robot.name);
  if (!renewed(robot, fresh)) {
    const verdict = { kind: 'dead', reason: action.reason, count: drawn.count } as const;
    return { verdict: withErrcode(verdict, result), pace: taken.pace };
  }
  // The refresh is made once per call, so a second refusal with the new credentials finds
  // them unchanged and is final. The retry takes any free slot: the refused send delivered
  // nothing, so there is no digest to space it from.
  const retry = { ...slot, pace: taken.pace, pacing: 'free' as const };
  return attemptSend(draw, fresh, retry, invocation);
}

function withErrcode<V extends { kind: 'dead' }>(verdict: V, result: Failed): V {
  return result.errcode === undefined ? verdict : { ...verdict, errcode: result.errcode };
}

function verdictOf(result: Failed, count: number): SendVerdict {
  const action = failureAction(result.reason);
  switch (action.kind) {
    case 'block':
      return { kind: 'block', result, count };
    case 'backoff':
      return { kind: 'backoff', result, count };
    case 'refresh':
    case 'dead':
      return withErrcode({ kind: 'dead', reason: action.reason, count }, result);
  }
}
