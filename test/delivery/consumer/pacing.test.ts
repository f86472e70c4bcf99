import { BUDGETS, spacingMs } from '../../../lib/delivery/budgets';
import type { DeliveryOutcome } from '../../../lib/delivery/outcome';
import { startConsumer, type ConsumerHarness, type ReceivedMessage } from './harness';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Each event key's deliveries: sent alone, or merged in a digest. */
function deliveredKeys(outcomes: readonly DeliveryOutcome[]): string[] {
  return outcomes.flatMap((o) => (o.fate === 'sent' || o.fate === 'merged' ? o.keys : []));
}

/** The most messages that landed within any 60 s. */
function maxPerMinute(messages: readonly ReceivedMessage[]): number {
  const times = messages.map((m) => Date.parse(m.receivedAt)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 60_000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

let h: ConsumerHarness;
afterEach(() => h.close());

describe('deliver handler: pacing and digests through the queue', () => {
  it('delivers a 40-tag burst exactly once, in a few digests, within 18 a minute', async () => {
    h = await startConsumer({ sqs: {} });
    const bodies = [];
    for (let i = 0; i < 40; i++) bodies.push(await h.body('team', 'tag_push-create'));
    for (const body of bodies) await h.enqueue(body);

    await h.drain();

    const delivered = deliveredKeys(h.outcomes);
    expect([...delivered].sort()).toEqual(bodies.map((b) => b.key).sort());
    expect(h.received().every((m) => m.errcode === 0)).toBe(true);
    expect(h.accepted().length).toBeLessThanOrEqual(10);
    expect(h.outcomes.some((o) => o.fate === 'merged')).toBe(true);
    // Every digest keeps the robot's keyword.
    for (const m of h.accepted()) expect(JSON.stringify(m.message)).toContain('Gitee');
    expect(h.queues.dlq()).toEqual([]);
    expect(h.model.peek(h.urls.delivery)).toEqual([]);
  });

  it('never sends more than 18 in any 60 s under 300 events a minute for 3 minutes', async () => {
    h = await startConsumer({ sqs: {} });
    const keys: string[] = [];
    const end = h.now() + 3 * 60_000;
    while (h.now() < end) {
      // 5 events a second, as 300 a minute.
      for (let i = 0; i < 5; i++) {
        const body = await h.body('team', i % 2 === 0 ? 'push-commits' : 'issue-open');
        keys.push(body.key);
        await h.enqueue(body);
      }
      await h.source.runUntil(h.now() + 1000, h.clock);
    }
    await h.drain();

    const delivered = deliveredKeys(h.outcomes);
    expect(delivered).toHaveLength(keys.length);
    expect(new Set(delivered)).toEqual(new Set(keys));
    expect(maxPerMinute(h.received())).toBeLessThanOrEqual(18);
    expect(h.received().filter((m) => m.errcode === 130101)).toEqual([]);
    expect(h.queues.dlq()).toEqual([]);
  });

  it.each(['as-set', 'reset'] as const)(
    'spaces a backlog evenly, one digest per gap, in order (failed visibility %s)',
    async (failedVisibility) => {
      h = await startConsumer({ sqs: { failedVisibility } });
      const keys: string[] = [];
      const end = h.now() + 90_000;
      while (h.now() < end) {
        for (let i = 0; i < 5; i++) {
          const body = await h.body('team', 'push-commits');
          keys.push(body.key);
          await h.enqueue(body);
        }
        await h.source.runUntil(h.now() + 1000, h.clock);
      }
      await h.drain();

      expect(deliveredKeys(h.outcomes)).toEqual(keys);
      const digests = h.timed.filter(({ outcome }) => outcome.fate === 'merged').map((t) => t.at);
      expect(digests.length).toBeGreaterThan(5);
      for (let i = 1; i < digests.length; i++) {
        expect(digests[i]! - digests[i - 1]!).toBeGreaterThanOrEqual(spacingMs(BUDGETS.dingtalk));
      }
      // Once the minute's slots free, the backlog goes one gap at a time, not in a run of 18.
      const later = h.received().filter((m) => Date.parse(m.receivedAt) >= digests[0]!);
      expect(maxPerMinute(later)).toBeLessThanOrEqual(Math.ceil(60_000 / 3334));
      expect(maxPerMinute(h.received())).toBeLessThanOrEqual(18);
      expect(h.queues.dlq()).toEqual([]);
    },
  );
});
