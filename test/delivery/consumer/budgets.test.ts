import {
  backoffMs,
  BUDGETS,
  freeSlots,
  jitteredBackoffMs,
  nextSlotAt,
  nextSpacedSlotAt,
  recentSends,
  spacingMs,
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

  it('spaces a backlog one window over the budget apart: 3.334 s, and Feishu 0.667 s', () => {
    expect(spacingMs(BUDGETS.dingtalk)).toBe(3334);
    expect(spacingMs(BUDGETS.wecom)).toBe(3334);
    // 60 s / 90 is stricter than 1 s / 4.
    expect(spacingMs(BUDGETS.feishu)).toBe(667);
  });

  it('puts the next spaced slot one gap after the latest send, or now on an idle robot', () => {
    expect(nextSpacedSlotAt([], BUDGETS.dingtalk, NOW)).toBe(NOW);
    expect(nextSpacedSlotAt([NOW - 60_000], BUDGETS.dingtalk, NOW)).toBe(NOW);
    expect(nextSpacedSlotAt([NOW - 5000, NOW - 1000], BUDGETS.dingtalk, NOW)).toBe(NOW + 2334);
    expect(nextSpacedSlotAt([NOW - 1000, NOW - 5000], BUDGETS.dingtalk, NOW)).toBe(NOW + 2334);
    expect(nextSpacedSlotAt([NOW - 3334], BUDGETS.dingtalk, NOW)).toBe(NOW);
    // Another container's clock ahead of ours: the gap runs from its send.
    expect(nextSpacedSlotAt([NOW + 500], BUDGETS.wecom, NOW)).toBe(NOW + 3834);
    expect(nextSpacedSlotAt([NOW - 100], BUDGETS.feishu, NOW)).toBe(NOW + 567);
  });

  it('keeps the rolling window on top of the gap', () => {
    // 18 sends in a burst 59 s ago: the gap is long over, the minute is not.
    const burst = Array.from({ length: 18 }, (_, i) => NOW - 59_000 + i * 100);
    expect(nextSpacedSlotAt(burst, BUDGETS.dingtalk, NOW)).toBe(NOW + 1000);
    // Feishu's second full: its gap (667 ms after the last) is later than the second's.
    const second = [NOW - 900, NOW - 600, NOW - 300, NOW - 100];
    expect(nextSpacedSlotAt(second, BUDGETS.feishu, NOW)).toBe(NOW + 567);
  });

  it('never lets spaced sends exceed the budget in any 60 s', () => {
    for (const budget of Object.values(BUDGETS)) {
      const sent: number[] = [];
      let now = NOW;
      while (now < NOW + 5 * 60_000) {
        now = nextSpacedSlotAt(sent, budget, now);
        sent.push(now);
      }
      for (const at of sent) {
        expect(sent.filter((t) => t >= at && t < at + 60_000).length).toBeLessThanOrEqual(
          budget.perMinute,
        );
      }
      for (let i = 1; i < sent.length; i++) {
        expect(sent[i]! - sent[i - 1]!).toBe(spacingMs(budget));
      }
    }
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
