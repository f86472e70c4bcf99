import type { PlatformName } from '../../lib/platforms/chat-platform';
import type { Ledger } from './ledger';
import type { GroupMessage } from './platforms';

const TOKEN = /sim\d{6}/g;

/** What the platforms allow and what the consumer may use of it (issue 11's budget table). */
export const BUDGETS: Record<PlatformName, Array<{ ms: number; max: number }>> = {
  dingtalk: [{ ms: 60_000, max: 18 }],
  wecom: [{ ms: 60_000, max: 18 }],
  feishu: [
    { ms: 60_000, max: 90 },
    { ms: 1_000, max: 4 },
  ],
};

/** The platforms' "too fast" answers: DingTalk 130101, WeCom 45009, Feishu 9499 / 11232. */
const RATE_LIMITED = new Set([130101, 45009, 9499, 11232]);

export interface Findings {
  /** Events a group never got (robot, token). */
  missing: string[];
  /** Events a group got more than once, with the count. */
  duplicated: string[];
  /** Events a group got that no answer said were queued for it. */
  unexpected: string[];
  /** Per robot and budget window, the most requests the robot got in any such window. */
  worstWindow: Record<string, Array<{ ms: number; max: number; most: number }>>;
  /** Robots that went over a budget. */
  overBudget: string[];
  /** Rate-limit answers the platforms gave. */
  rateLimited: number;
  /** Per event and robot, when the group got it after the webhook did (ms). */
  latencies: number[];
}

function tokensOf(message: unknown): Set<string> {
  return new Set(JSON.stringify(message).match(TOKEN) ?? []);
}

/** The most requests in any `ms`-long window of sorted times. */
export function busiestWindow(times: readonly number[], ms: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= ms) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * The four assertions of issue 11 read from what the groups received, not from what the
 * consumer says it did: each event the webhook queued is in its robot's group exactly once
 * (alone or as a digest line: its token in one accepted message), nothing else is; no robot
 * got more requests than its budget in any window; how many rate-limit answers there were;
 * and how long each event took to reach its group.
 */
export function checkGroups(ledger: Ledger, messages: readonly GroupMessage[]): Findings {
  const expected = ledger.expected();
  const seen = new Map<string, { count: number; first: number }>();
  const findings: Findings = {
    missing: [],
    duplicated: [],
    unexpected: [],
    worstWindow: {},
    overBudget: [],
    rateLimited: 0,
    latencies: [],
  };
  const timesByRobot = new Map<string, { platform: PlatformName; times: number[] }>();
  for (const message of messages) {
    const entry = timesByRobot.get(message.robot) ?? { platform: message.platform, times: [] };
    entry.times.push(message.at);
    timesByRobot.set(message.robot, entry);
    if (message.errcode !== null && RATE_LIMITED.has(message.errcode)) findings.rateLimited += 1;
    if (message.errcode !== 0) continue;
    for (const token of tokensOf(message.message)) {
      const key = `${message.robot} ${token}`;
      const known = seen.get(key);
      seen.set(key, { count: (known?.count ?? 0) + 1, first: known?.first ?? message.at });
    }
  }
  for (const [robot, tokens] of expected) {
    for (const [token, at] of tokens) {
      const got = seen.get(`${robot} ${token}`);
      if (got === undefined) findings.missing.push(`${robot} ${token}`);
      else {
        if (got.count > 1) findings.duplicated.push(`${robot} ${token} ×${got.count}`);
        findings.latencies.push(got.first - at);
      }
    }
  }
  for (const key of seen.keys()) {
    const [robot = '', token = ''] = key.split(' ');
    if (!expected.get(robot)?.has(token)) findings.unexpected.push(key);
  }
  for (const [robot, { platform, times }] of timesByRobot) {
    findings.worstWindow[robot] = BUDGETS[platform].map(({ ms, max }) => {
      const most = busiestWindow(times, ms);
      if (most > max) findings.overBudget.push(robot);
      return { ms, max, most };
    });
  }
  return findings;
}

/** The p-th percentile (0–100) of values, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
