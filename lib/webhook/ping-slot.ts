import { BUDGETS, nextSlotAt, recentSends } from '../delivery/budgets';
import { robotGroupId } from '../delivery/group-id';
import type { PacingStore } from '../delivery/ports';
import type { DeliveryResult } from '../send/types';
import type { RobotSettings } from '../settings/types';

/** Conditional writes lost to the deliver function before the ping goes to the queue instead. */
const WRITE_TRIES = 3;

/**
 * Takes one send slot in the robot's pacing item for the Test button's message, with the
 * conditional write every container uses, so the ping is counted in the robot's budget like
 * any message the deliver function sends. False when the platform blocks the robot or its
 * budget has no slot now (the ping is then queued). Unlike the deliver function it does not
 * wait out the backoff of earlier failures: someone who just fixed a keyword clicks Test to
 * see it work. Rejects when the table fails.
 */
export async function takePingSlot(
  store: PacingStore,
  robot: RobotSettings,
  now: () => number,
): Promise<boolean> {
  const group = robotGroupId(robot);
  const budget = BUDGETS[robot.platform];
  let pace = await store.readPace(group);
  for (let attempt = 0; attempt < WRITE_TRIES; attempt += 1) {
    const at = now();
    if (pace.blockedUntil > at || nextSlotAt(pace.sent, budget, at) > at) return false;
    const next = { ...pace, robot: robot.name, sent: [...recentSends(pace.sent, at), at] };
    if (await store.writePace(group, next, pace.ver)) return true;
    pace = await store.readPace(group);
  }
  return false;
}

/**
 * After the ping was sent: a platform that answered "rate limited" blocks the robot for
 * every container (issue 11, block windows), as the deliver function would have recorded.
 * Best effort: a failure here is the deliver function's to learn again.
 */
export async function notePingResult(
  store: PacingStore,
  robot: RobotSettings,
  result: DeliveryResult,
  now: () => number,
): Promise<void> {
  if (result.ok || result.reason !== 'rate_limit' || result.attempts === 0) return;
  const group = robotGroupId(robot);
  const at = now();
  const until = at + BUDGETS[robot.platform].blockMs;
  const lastError = {
    reason: 'rate_limit',
    ...(result.errcode === undefined ? {} : { errcode: result.errcode }),
    at,
  };
  for (let attempt = 0; attempt < WRITE_TRIES; attempt += 1) {
    const pace = await store.readPace(group);
    if (pace.blockedUntil >= until) return;
    const next = { ...pace, robot: robot.name, blockedUntil: until, lastError };
    if (await store.writePace(group, next, pace.ver)) return;
  }
}
