import type { Deliverer, DeliveryJob, DeliveryResult } from './types';

/** DingTalk: 20 messages a minute per robot; one more blocks it for 10 minutes (§6). */
const PER_MINUTE = 20;
const MINUTE_MS = 60_000;
const PENALTY_MS = 10 * MINUTE_MS;

export interface ThrottleDeps {
  now: () => number;
  perMinute?: number;
}

/** One message counted against a robot's minute: reserved when sent, dated when it finished. */
interface Slot {
  at: number;
}

/**
 * Keeps this container from tripping DingTalk's rate limit (USER-NEEDS.md item 1): a robot
 * that has taken 20 messages in the last minute from here is not sent a 21st, which DingTalk
 * would refuse with 130101 *and* answer by blocking the robot for 10 minutes; a robot DingTalk
 * has already throttled is left alone until its penalty is over, instead of being retried into
 * a longer one. Best effort: other Lambda containers keep their own counts, so a burst spread
 * over several containers can still reach DingTalk's limit. A held-back message is reported
 * like any failed delivery (502 to Gitee, named in the answer and the log).
 *
 * A slot is reserved before the send starts, so events delivered at the same time (the local
 * server, any concurrent host) cannot all see the same count and all go out. When the send
 * finishes the slot is dated then, since DingTalk counted the message on arrival, somewhere
 * before that. It is given back only when the message never left this container (0 attempts:
 * too long, no time left); a failure after an attempt keeps it, because the request may have
 * reached DingTalk and been counted there.
 */
export function withRobotThrottle(deliverer: Deliverer, deps: ThrottleDeps): Deliverer {
  const perMinute = deps.perMinute ?? PER_MINUTE;
  const slots = new Map<string, Slot[]>();
  const blockedUntil = new Map<string, number>();

  /** A reserved slot, or why the message is held back. */
  function reserve(robot: string, now: number): Slot | string {
    const until = blockedUntil.get(robot) ?? 0;
    if (until > now) {
      const minutes = Math.ceil((until - now) / MINUTE_MS);
      return `not sent: DingTalk is throttling this robot for about ${minutes} more minute(s)`;
    }
    const recent = (slots.get(robot) ?? []).filter((slot) => now - slot.at < MINUTE_MS);
    slots.set(robot, recent);
    if (recent.length >= perMinute) {
      return `not sent: ${perMinute} messages went to this robot in the last minute, DingTalk's limit; one more would block it for 10 minutes`;
    }
    const slot = { at: now };
    recent.push(slot);
    return slot;
  }

  function settle(slot: Slot, result: DeliveryResult, now: number): void {
    slot.at = now;
    if (!result.ok && result.attempts === 0) {
      const kept = slots.get(result.robot)?.filter((other) => other !== slot);
      if (kept) slots.set(result.robot, kept);
    }
    if (!result.ok && result.reason === 'rate_limit' && result.attempts > 0) {
      blockedUntil.set(result.robot, now + PENALTY_MS);
    }
  }

  return {
    async deliver(jobs: DeliveryJob[], deadline: number): Promise<DeliveryResult[]> {
      const now = deps.now();
      const reserved = jobs.map((job) => reserve(job.robot.name, now));
      const sent = reserved.filter((slot): slot is Slot => typeof slot !== 'string');
      const results = await deliverer.deliver(
        jobs.filter((_, index) => typeof reserved[index] !== 'string'),
        deadline,
      );
      const finished = deps.now();
      results.forEach((result, index) => settle(sent[index]!, result, finished));
      let next = 0;
      return jobs.map((job, index) => {
        const slot = reserved[index];
        if (typeof slot !== 'string') return results[next++]!;
        return { robot: job.robot.name, ok: false, reason: 'rate_limit', error: slot, attempts: 0 };
      });
    },
  };
}
