import type { DeliveryOutcome } from '../../../lib/delivery/outcome';
import { startConsumer, type ConsumerHarness, type ReceivedMessage } from './harness';
import { createFaultyStore, type FaultyStore } from './store-faults';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function deliveredKeys(outcomes: readonly DeliveryOutcome[]): string[] {
  return outcomes.flatMap((o) => (o.fate === 'sent' || o.fate === 'merged' ? o.keys : []));
}

function maxWithin(messages: readonly ReceivedMessage[], windowMs: number): number {
  const times = messages.map((m) => Date.parse(m.receivedAt)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

let h: ConsumerHarness;
afterEach(() => h.close());

describe.each(['as-set', 'reset'] as const)('through the queue, failed visibility %s', (mode) => {
  it('learns one 130101 from a robot already in the penalty, then delivers all after it', async () => {
    h = await startConsumer({ sqs: { failedVisibility: mode } });
    const start = h.now();
    h.dingtalk.emulator.penalize('team', start + 5 * 60_000);
    const keys: string[] = [];
    for (let i = 0; i < 12; i++) {
      const body = await h.body('team');
      keys.push(body.key);
      await h.enqueue(body);
    }

    await h.drain();

    expect(h.received().filter((m) => m.errcode === 130101)).toHaveLength(1);
    expect(deliveredKeys(h.outcomes).sort()).toEqual([...keys].sort());
    const firstOk = Math.min(...h.accepted().map((m) => Date.parse(m.receivedAt)));
    // The block learned from 130101 is DingTalk's 10 minutes, counted from that answer.
    expect(firstOk).toBeGreaterThanOrEqual(start + 10 * 60_000);
    expect(h.queues.dlq()).toEqual([]);
  });

  it('sends nothing while the store is down and loses nothing when it is back', async () => {
    let store!: FaultyStore;
    h = await startConsumer({
      sqs: { failedVisibility: mode },
      store: (memory) => (store = createFaultyStore(memory)),
    });
    store.down.add('readPace');
    const keys: string[] = [];
    for (let i = 0; i < 6; i++) {
      const body = await h.body('team');
      keys.push(body.key);
      await h.enqueue(body);
    }
    await h.source.runUntil(h.now() + 3 * 60_000, h.clock);
    expect(h.received()).toEqual([]);
    expect(h.model.peek(h.urls.delivery)).toHaveLength(6);

    store.down.clear();
    await h.drain();

    expect(deliveredKeys(h.outcomes).sort()).toEqual([...keys].sort());
    expect(h.queues.dlq()).toEqual([]);
  });
});

describe('through the queue, per platform', () => {
  it('keeps a Feishu bot within 4 a second and 90 a minute', async () => {
    h = await startConsumer({
      robots: [
        { name: 'fs', platform: 'feishu', secret: 'fstest-secret-0001', keywords: ['Gitee'] },
      ],
      sqs: {},
    });
    const keys: string[] = [];
    for (let second = 0; second < 20; second++) {
      for (let i = 0; i < 10; i++) {
        const body = await h.body('fs', 'push-commits');
        keys.push(body.key);
        await h.enqueue(body);
      }
      await h.source.runUntil(h.now() + 1000, h.clock);
    }
    await h.drain();

    expect(new Set(deliveredKeys(h.outcomes))).toEqual(new Set(keys));
    expect(deliveredKeys(h.outcomes)).toHaveLength(keys.length);
    expect(h.received('feishu').every((m) => m.errcode === 0)).toBe(true);
    expect(maxWithin(h.received('feishu'), 1000)).toBeLessThanOrEqual(4);
    expect(maxWithin(h.received('feishu'), 60_000)).toBeLessThanOrEqual(90);
  });

  it('digests a WeCom backlog within its 4,096-byte markdown', async () => {
    h = await startConsumer({ robots: [{ name: 'wc', platform: 'wecom' }], sqs: {} });
    const keys: string[] = [];
    for (let i = 0; i < 60; i++) {
      const body = await h.body('wc', i % 3 === 0 ? 'merge_request-open' : 'note-issue');
      keys.push(body.key);
      await h.enqueue(body);
    }
    await h.drain();

    expect(deliveredKeys(h.outcomes).sort()).toEqual([...keys].sort());
    expect(h.received('wecom').every((m) => m.errcode === 0)).toBe(true);
    expect(h.outcomes.some((o) => o.fate === 'merged')).toBe(true);
  });

  it('gives two names sharing a credential one budget and a digest each, in order', async () => {
    h = await startConsumer({
      robots: [
        { name: 'team', keywords: ['Gitee'] },
        { name: 'alias', keywords: ['Gitee'], sameCredentialAs: 'team' },
      ],
      sqs: {},
    });
    expect(await h.group('alias')).toBe(await h.group('team'));
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      const body = await h.body(i < 20 ? 'team' : 'alias');
      order.push(body.key);
      await h.enqueue(body);
    }
    await h.drain();

    expect(deliveredKeys(h.outcomes)).toEqual(order);
    expect(maxWithin(h.received(), 60_000)).toBeLessThanOrEqual(18);
    const robots = h.outcomes.filter((o) => o.fate === 'merged').map((o) => o.robot);
    expect(robots).toContain('team');
    expect(robots).toContain('alias');
  });
});
