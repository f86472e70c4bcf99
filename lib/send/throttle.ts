import type { ChatPlatform, RateLimits } from '../platforms/chat-platform';
import type { Deliverer, DeliveryJob, DeliveryResult } from './types';

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;

/** The pace to keep for a robot on this platform; null keeps none (the benchmark). */
export type RateLimitsFor = (platform: ChatPlatform) => RateLimits | null;

export interface ThrottleDeps {
  now: () => number;
  /** Default: each platform's own limits. */
  limitsFor?: RateLimitsFor;
}

/** One message counted against a robot's windows: reserved when sent, dated when it finished. */
interface Slot {
  at: number;
}

function inWords(ms: number): string {
  const [count, unit] =
    ms >= MINUTE_MS
      ? [Math.round(ms / MINUTE_MS), 'minute']
      : [Math.ceil(ms / SECOND_MS), 'second'];
  return count === 1 ? `a ${unit}` : `${count} ${unit}s`;
}

function overLimit(count: number, window: string, platform: ChatPlatform, limits: RateLimits) {
  const next =
    limits.penaltyMs > 0
      ? `one more would block it for ${inWords(limits.penaltyMs)}`
      : 'one more would be refused';
  return `not sent: ${count} messages went to this robot in the last ${window}, ${platform.label}'s limit; ${next}`;
}

/**
 * Keeps this container under each robot's platform limit (USER-NEEDS.md item 1): a robot that
 * has taken its platform's messages for the last minute (or second) from here is not sent one
 * more, which the platform would refuse (DingTalk 130101, Feishu 9499/11232, WeCom 45009) and,
 * on DingTalk and WeCom, answer by blocking the robot for a while; a robot its platform has
 * already throttled is left alone until that penalty is over, instead of being retried into a
 * longer one. Best effort: other Lambda containers keep their own counts, so a burst spread
 * over several containers can still reach the limit. A held-back message is reported like any
 * failed delivery (502 to Gitee, named in the answer and the log).
 *
 * A slot is reserved before the send starts, so events delivered at the same time (the local
 * server, any concurrent host) cannot all see the same count and all go out. When the send
 * finishes the slot is dated then, since the platform counted the message on arrival,
 * somewhere before that. It is given back only when the message never left this container (0
 * attempts: too long, no time left); a failure after an attempt keeps it, because the request
 * may have reached the platform and been counted there.
 */
export function withRobotThrottle(deliverer: Deliverer, deps: ThrottleDeps): Deliverer {
  const limitsFor: RateLimitsFor = deps.limitsFor ?? ((platform) => platform.limits);
  const slots = new Map<string, Slot[]>();
  const blockedUntil = new Map<string, number>();

  /** A reserved slot, or why the message is held back. */
  function reserve(job: DeliveryJob, now: number): Slot | string {
    const robot = job.robot.name;
    const limits = limitsFor(job.platform);
    if (limits === null) return { at: now };
    const until = blockedUntil.get(robot) ?? 0;
    if (until > now) {
      const minutes = Math.ceil((until - now) / MINUTE_MS);
      return `not sent: ${job.platform.label} is throttling this robot for about ${minutes} more minute(s)`;
    }
    const recent = (slots.get(robot) ?? []).filter((slot) => now - slot.at < MINUTE_MS);
    slots.set(robot, recent);
    if (recent.length >= limits.perMinute) {
      return overLimit(limits.perMinute, 'minute', job.platform, limits);
    }
    const perSecond = limits.perSecond;
    const lastSecond = recent.filter((slot) => now - slot.at < SECOND_MS).length;
    if (perSecond !== undefined && lastSecond >= perSecond) {
      return overLimit(perSecond, 'second', job.platform, limits);
    }
    const slot = { at: now };
    recent.push(slot);
    return slot;
  }

  function settle(job: DeliveryJob, slot: Slot, result: DeliveryResult, now: number): void {
    slot.at = now;
    if (!result.ok && result.attempts === 0) {
      const kept = slots.get(result.robot)?.filter((other) => other !== slot);
      if (kept) slots.set(result.robot, kept);
    }
    const penaltyMs = limitsFor(job.platform)?.penaltyMs ?? 0;
    if (!result.ok && result.reason === 'rate_limit' && result.attempts > 0 && penaltyMs > 0) {
      blockedUntil.set(result.robot, now + penaltyMs);
    }
  }

  return {
    async deliver(jobs: DeliveryJob[], deadline: number): Promise<DeliveryResult[]> {
      const now = deps.now();
      const reserved = jobs.map((job) => reserve(job, now));
      const sent = jobs.flatMap((job, index) => {
        const slot = reserved[index]!;
        return typeof slot === 'string' ? [] : [{ job, slot }];
      });
      const results = await deliverer.deliver(
        sent.map(({ job }) => job),
        deadline,
      );
      const finished = deps.now();
      results.forEach((result, index) =>
        settle(sent[index]!.job, sent[index]!.slot, result, finished),
      );
      let next = 0;
      return jobs.map((job, index): DeliveryResult => {
        const slot = reserved[index];
        if (typeof slot !== 'string') return results[next++]!;
        const { name: robot } = job.robot;
        const platform = job.platform.name;
        return { robot, platform, ok: false, reason: 'rate_limit', error: slot, attempts: 0 };
      });
    },
  };
}
