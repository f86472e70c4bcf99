import type { PlatformName } from '../platforms/infer-platform';

/**
 * What the consumer sends one robot (one platform credential), across every container: the
 * platform's limit minus a reserve, so that a send counted late by the platform (our slot is
 * dated when taken, the platform dates the message on arrival) or a ping taken by the webhook
 * still stays under it (issue 11 "Budgets"). `blockMs` is how long every container leaves a
 * robot alone after the platform said "rate limited": DingTalk blocks for 10 minutes
 * (130101, 410100, the WAF's 302), WeCom's 45009 and Feishu's 9499/11232 count a minute.
 */
export interface Budget {
  perMinute: number;
  perSecond?: number;
  blockMs: number;
}

export const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

export const BUDGETS: Readonly<Record<PlatformName, Budget>> = {
  dingtalk: { perMinute: 18, blockMs: 10 * MINUTE_MS },
  wecom: { perMinute: 18, blockMs: MINUTE_MS },
  feishu: { perMinute: 90, perSecond: 4, blockMs: MINUTE_MS },
};

/** The send times still inside the rolling minute, oldest first (what the pace item keeps). */
export function recentSends(sent: readonly number[], now: number): number[] {
  // A time ahead of this clock (another container's) still counts: better late than over.
  return sent.filter((at) => now - at < MINUTE_MS).sort((a, b) => a - b);
}

/** The earliest moment a window of `windowMs` holding `sent` has room for one more. */
function freeAt(sent: readonly number[], limit: number, windowMs: number, now: number): number {
  const inWindow = sent.filter((at) => now - at < windowMs);
  if (inWindow.length < limit) return now;
  // The send that must leave the window for the count to drop below the limit.
  return inWindow[inWindow.length - limit]! + windowMs;
}

/**
 * When the next slot frees (now when one is free). Counts only fall as time passes, so the
 * later of the minute's and the second's answers satisfies both.
 */
export function nextSlotAt(sent: readonly number[], budget: Budget, now: number): number {
  const recent = recentSends(sent, now);
  const minute = freeAt(recent, budget.perMinute, MINUTE_MS, now);
  const second =
    budget.perSecond === undefined ? now : freeAt(recent, budget.perSecond, SECOND_MS, now);
  return Math.max(minute, second);
}

/**
 * The gap kept between two sends to a robot that has a backlog: its window over its budget
 * (the stricter of the minute's and the second's), rounded up to a whole millisecond. A
 * backlog sent into every free slot at once goes out as a run of small digests and then waits
 * most of a minute for the window; spaced evenly, each digest carries what came since the
 * last, and no event waits much longer than one gap.
 */
export function spacingMs(budget: Budget): number {
  const minute = MINUTE_MS / budget.perMinute;
  const second = budget.perSecond === undefined ? 0 : SECOND_MS / budget.perSecond;
  return Math.ceil(Math.max(minute, second));
}

/**
 * When a robot with a backlog may be sent to next: when a slot frees (nextSlotAt) and one
 * gap (spacingMs) after its latest send in the pace item, whoever made it (a lone send, a
 * ping, another container's digest). A robot with no send in the last minute goes at once.
 */
export function nextSpacedSlotAt(sent: readonly number[], budget: Budget, now: number): number {
  const recent = recentSends(sent, now);
  const slot = nextSlotAt(recent, budget, now);
  const latest = recent.at(-1);
  return latest === undefined ? slot : Math.max(slot, latest + spacingMs(budget));
}

/** How many sends may start right now, back to back (the lone path needs one per record). */
export function freeSlots(sent: readonly number[], budget: Budget, now: number): number {
  const recent = recentSends(sent, now);
  const minute = budget.perMinute - recent.length;
  if (budget.perSecond === undefined) return Math.max(0, minute);
  const second = budget.perSecond - recent.filter((at) => now - at < SECOND_MS).length;
  return Math.max(0, Math.min(minute, second));
}

const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 15 * MINUTE_MS;

/** 10 s · 2^(n−1), at most 15 minutes: the wait after the n-th transient failure in a row. */
export function backoffMs(failures: number): number {
  const exponent = Math.max(0, Math.min(failures, 32) - 1);
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

/**
 * The backoff stretched by up to a quarter at random, still at most 15 minutes: robots that
 * failed together do not all come back together. Never shorter than the plain backoff, which
 * is what a consumer checks against the pace item before it sends again.
 */
export function jitteredBackoffMs(failures: number, random: () => number): number {
  const base = backoffMs(failures);
  return Math.min(BACKOFF_MAX_MS, Math.round(base * (1 + 0.25 * random())));
}
