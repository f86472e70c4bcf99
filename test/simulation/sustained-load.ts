import { createGitee } from './gitee';
import { checkGroups, percentile } from './invariants';
import { createLedger, deliver } from './ledger';
import { TEAM_ROBOT } from './platforms';
import { startWorld } from './world';

export interface SustainedLoadOptions {
  /** Events a minute to the one robot (default 300). */
  perMinute?: number;
  /** Minutes of traffic (default 10). */
  minutes?: number;
  failedVisibility?: 'as-set' | 'reset';
}

export interface SustainedLoadResult {
  events: number;
  /** The most requests the robot got in any 60 s (the budget is 18). */
  maxSendsPer60sPerRobot: number;
  /** Events the webhook queued that never reached the group. */
  lost: number;
  /** Events the group got more than once. */
  duplicated: number;
  /** Events in the group that nothing queued (0 unless something is badly wrong). */
  unexpected: number;
  rateLimited: number;
  /** Messages the group received. */
  messages: number;
  /** From the webhook's receipt to the group, on the virtual clock. */
  eventToGroupP50Ms: number;
  eventToGroupP99Ms: number;
  eventToGroupMaxMs: number;
  /** Virtual time until everything was delivered, from the first event. */
  virtualMs: number;
  wallMs: number;
}

/**
 * Issue 11's load scenario: one DingTalk robot gets `perMinute` tag pushes a minute, evenly
 * spaced, for `minutes`, through the whole queued delivery (see world.ts); then the queue is
 * drained and the group's messages are checked against what the webhook queued.
 */
export async function runSustainedLoad(
  options: SustainedLoadOptions = {},
): Promise<SustainedLoadResult> {
  const started = Date.now();
  const perMinute = options.perMinute ?? 300;
  const events = perMinute * (options.minutes ?? 10);
  const world = await startWorld({
    robots: [TEAM_ROBOT],
    failedVisibility: options.failedVisibility,
  });
  try {
    const gitee = createGitee(world.clock);
    const ledger = createLedger();
    const start = world.clock.now();
    const spacingMs = 60_000 / perMinute;
    for (let n = 1; n <= events; n += 1) {
      const token = gitee.nextToken();
      await deliver(world, ledger, { token, body: gitee.tagPush(token) }, gitee);
      await world.runUntil(start + Math.round(n * spacingMs));
    }
    await world.drain();
    const messages = world.platforms.messages();
    const findings = checkGroups(ledger, messages);
    return {
      events,
      maxSendsPer60sPerRobot: Math.max(0, ...(findings.worstWindow.team ?? []).map((w) => w.most)),
      lost: findings.missing.length,
      duplicated: findings.duplicated.length,
      unexpected: findings.unexpected.length,
      rateLimited: findings.rateLimited,
      messages: messages.length,
      eventToGroupP50Ms: percentile(findings.latencies, 50),
      eventToGroupP99Ms: percentile(findings.latencies, 99),
      eventToGroupMaxMs: Math.max(0, ...findings.latencies),
      virtualMs: Math.max(0, ...messages.map((m) => m.at)) - start,
      wallMs: Date.now() - started,
    };
  } finally {
    await world.close();
  }
}
