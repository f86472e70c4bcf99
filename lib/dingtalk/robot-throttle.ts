import type { Deliverer, DeliveryJob, DeliveryResult } from './delivery';

/** DingTalk: 20 messages a minute per robot; one more blocks it for 10 minutes (§6). */
const PER_MINUTE = 20;
const MINUTE_MS = 60_000;
const PENALTY_MS = 10 * MINUTE_MS;

export interface ThrottleDeps {
  now: () => number;
  perMinute?: number;
}

/**
 * Keeps this container from tripping DingTalk's rate limit (USER-NEEDS.md item 1): a robot
 * that has taken 20 messages in the last minute from here is not sent a 21st, which DingTalk
 * would refuse with 130101 *and* answer by blocking the robot for 10 minutes; a robot DingTalk
 * has already throttled is left alone until its penalty is over, instead of being retried into
 * a longer one. Best effort: other Lambda containers keep their own counts, so a burst spread
 * over several containers can still reach DingTalk's limit. A held-back message is reported
 * like any failed delivery (502 to Gitee, named in the answer and the log).
 */
export function withRobotThrottle(deliverer: Deliverer, deps: ThrottleDeps): Deliverer {
  const perMinute = deps.perMinute ?? PER_MINUTE;
  const sent = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();

  function holdBack(robot: string, now: number): string | null {
    const until = blockedUntil.get(robot) ?? 0;
    if (until > now) {
      const minutes = Math.ceil((until - now) / MINUTE_MS);
      return `not sent: DingTalk is throttling this robot for about ${minutes} more minute(s)`;
    }
    const recent = (sent.get(robot) ?? []).filter((at) => now - at < MINUTE_MS);
    sent.set(robot, recent);
    if (recent.length >= perMinute) {
      return `not sent: ${perMinute} messages went to this robot in the last minute, DingTalk's limit; one more would block it for 10 minutes`;
    }
    return null;
  }

  function remember(result: DeliveryResult, now: number): void {
    if (result.ok || (result.reason !== 'rate_limit' && result.attempts > 0)) {
      sent.get(result.robot)?.push(now);
    }
    if (!result.ok && result.reason === 'rate_limit' && result.attempts > 0) {
      blockedUntil.set(result.robot, now + PENALTY_MS);
    }
  }

  return {
    async deliver(jobs: DeliveryJob[], deadline: number): Promise<DeliveryResult[]> {
      const now = deps.now();
      const held = jobs.map((job) => holdBack(job.robot.name, now));
      const toSend = jobs.filter((_, index) => held[index] === null);
      const results = await deliverer.deliver(toSend, deadline);
      results.forEach((result) => remember(result, deps.now()));
      let next = 0;
      return jobs.map((job, index) => {
        const reason = held[index];
        if (reason === null || reason === undefined) return results[next++]!;
        return {
          robot: job.robot.name,
          ok: false,
          reason: 'rate_limit',
          error: reason,
          attempts: 0,
        };
      });
    },
  };
}
