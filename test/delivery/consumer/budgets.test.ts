import {
  backoffMs,
  BUDGETS,
  freeSlots,
  jitteredBackoffMs,
  nextSlotAt,
  recentSends,
} from '../../../lib/delivery/budgets';
import { failureAction } from '../../../lib/delivery/consumer/failure-action';
import type { DeliveryFailureReason } from '../../../lib/send/types';

const NOW = 1_700_000_000_000;

describe('budgets: each platform its limit minus a reserve', () => {
  it('gives DingTalk and WeCom 18 a minute, Feishu 90 a minute and 4 a second', () => {
    expect(BUDGETS.dingtalk).toEqual({ perMinute: 18, blockMs: 600_000 });
    expect(BUDGETS.wecom).toEqual({ perMinute: 18, blockMs: 60_000 });
    expect(BUDGETS.feishu).toEqual({ perMinute: 90, perSecond: 4, blockMs: 60_000 });
  });

  it('frees the next slot when the oldest send of a full minute leaves the window', () => {
    const sent = Array.from({ length: 18 }, (_, i) => NOW - 59_000 + i * 1000);
    expect(freeSlots(sent, BUDGETS.dingtalk, NOW)).toBe(0);
    expect(nextSlotAt(sent, BUDGETS.dingtalk, NOW)).toBe(NOW + 1000);
    expect(freeSlots(sent, BUDGETS.dingtalk, NOW + 1000)).toBe(1);
  });

  it('counts only the last minute, and still counts a time ahead of this clock', () => {
    expect(recentSends([NOW - 60_000, NOW - 59_999, NOW + 500], NOW)).toEqual([
      NOW - 59_999,
      NOW + 500,
    ]);
  });

  it("keeps Feishu's per-second window as well as its minute", () => {
    const sent = [NOW - 900, NOW - 600, NOW - 300, NOW - 100];
    expect(freeSlots(sent, BUDGETS.feishu, NOW)).toBe(0);
    expect(nextSlotAt(sent, BUDGETS.feishu, NOW)).toBe(NOW + 100);
    expect(freeSlots(sent.slice(1), BUDGETS.feishu, NOW)).toBe(1);
  });

  it('backs off 10 s · 2^(n−1) up to 15 minutes, jitter adding at most a quarter', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map(backoffMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 640_000, 900_000, 900_000,
    ]);
    expect(jitteredBackoffMs(2, () => 0)).toBe(20_000);
    expect(jitteredBackoffMs(2, () => 0.999)).toBeLessThanOrEqual(25_000);
    expect(jitteredBackoffMs(9, () => 0.999)).toBe(900_000);
  });
});

describe('failureAction: the outcome table', () => {
  it.each([
    ['rate_limit', 'block'],
    ['busy', 'backoff'],
    ['network', 'backoff'],
    ['timeout', 'backoff'],
    ['http', 'backoff'],
    ['timestamp', 'backoff'],
    ['signature', 'refresh'],
    ['token', 'refresh'],
    ['keyword', 'dead'],
    ['ip', 'dead'],
    ['too_long', 'dead'],
    ['rejected', 'dead'],
  ] as Array<[DeliveryFailureReason, string]>)('%s → %s', (reason, kind) => {
    const action = failureAction(reason);
    expect(action.kind).toBe(kind);
    if (action.kind === 'dead' || action.kind === 'refresh') expect(action.reason).toBe(reason);
  });
});
