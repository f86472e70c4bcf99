import { busiestWindow, checkGroups, percentile } from './invariants';
import { createLedger } from './ledger';
import type { GroupMessage } from './platforms';

const T0 = Date.UTC(2025, 0, 6, 9);

function ledgerOf(tokens: string[], at = T0) {
  const ledger = createLedger();
  for (const token of tokens) {
    ledger.deliveries.push({ token, at, status: 202, queuedFor: ['team'], answer: {} });
  }
  return ledger;
}

const message = (text: string, at: number, errcode: number | null = 0): GroupMessage => ({
  platform: 'dingtalk',
  robot: 'team',
  message: { msgtype: 'markdown', markdown: { title: 'Gitee', text } },
  errcode,
  at,
});

describe('simulation invariants', () => {
  it('finds the most requests in any window, its end excluded', () => {
    expect(busiestWindow([0, 10, 59_999, 60_000, 60_001], 60_000)).toBe(4);
    expect(busiestWindow([0, 60_000, 120_000], 60_000)).toBe(1);
    expect(busiestWindow([], 60_000)).toBe(0);
  });

  it('reports an event missing, one twice, one nobody queued, by what the group shows', () => {
    const findings = checkGroups(ledgerOf(['sim000001', 'sim000002', 'sim000003']), [
      message('sim000001 and sim000002', T0 + 1_000),
      message('sim000002 again, sim000009', T0 + 2_000),
      // Refused messages deliver nothing.
      message('sim000003', T0 + 3_000, 310000),
    ]);
    expect(findings.missing).toEqual(['team sim000003']);
    expect(findings.duplicated).toEqual(['team sim000002 ×2']);
    expect(findings.unexpected).toEqual(['team sim000009']);
    expect(findings.latencies).toEqual([1_000, 1_000]);
  });

  it('counts every request against the budget and every rate-limit answer', () => {
    const requests = Array.from({ length: 19 }, (_, i) =>
      message(`n${i}`, T0 + i * 1_000, i === 18 ? 130101 : 0),
    );
    const findings = checkGroups(ledgerOf([]), requests);
    expect(findings.overBudget).toEqual(['team']);
    expect(findings.worstWindow.team).toEqual([{ ms: 60_000, max: 18, most: 19 }]);
    expect(findings.rateLimited).toBe(1);
  });

  it('takes percentiles by nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5);
    expect(percentile([], 99)).toBe(0);
  });
});
