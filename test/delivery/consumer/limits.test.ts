import { PLATFORMS } from '../../../lib/platforms';
import { startConsumer, type ConsumerHarness } from './harness';
import { sqsEvent } from './sqs-records';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let h: ConsumerHarness;
afterEach(() => h.close());

describe("deliver handler: the function's time", () => {
  it('stores what it has no time left to send, instead of starting a send it cannot finish', async () => {
    h = await startConsumer();
    const record = await h.record(await h.body('team'));

    const answer = await h.handler(sqsEvent([record]), { getRemainingTimeInMillis: () => 7000 });

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.received()).toEqual([]);
    expect(h.outcomes).toMatchObject([{ fate: 'queued' }]);
  });

  it("brings a token back within a second when time ran out before the robot's backlog", async () => {
    h = await startConsumer({ deps: { timeoutMs: 7000 } });
    const four = await Promise.all([1, 2, 3, 4].map(async () => h.record(await h.body('team'))));
    await h.handler(sqsEvent(four));
    const token = h.tokenRecord();

    const answer = await h.handler(sqsEvent([token]));

    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: token.messageId }]);
    expect(h.queues.visibility.at(-1)).toEqual({ receiptHandle: token.receiptHandle, seconds: 1 });
    expect(h.received()).toEqual([]);
  });
});

describe('deliver handler: a digest the platform cannot draw', () => {
  it('sends the events one by one instead, so the backlog never stalls', async () => {
    h = await startConsumer({
      deps: {
        platforms: {
          ...PLATFORMS,
          dingtalk: {
            ...PLATFORMS.dingtalk,
            renderDigest: () => {
              throw new Error('digest renderer broken (test)');
            },
          },
        },
      },
    });
    const bodies = await Promise.all([1, 2, 3, 4].map(() => h.body('team')));
    await h.handler(sqsEvent(await Promise.all(bodies.map((b) => h.record(b)))));

    await h.flushAll();

    expect(h.outcomes.filter((o) => o.fate === 'sent').map((o) => o.keys[0])).toEqual(
      bodies.map((b) => b.key),
    );
    expect(h.logs.some((line) => line.includes('digest could not be drawn'))).toBe(true);
  });
});

describe('deliver handler: a pending event that keeps failing', () => {
  it('counts failed digests per event and dead-letters it at 90 as attempts', async () => {
    h = await startConsumer();
    const bodies = await Promise.all([1, 2, 3, 4].map(() => h.body('team')));
    await h.handler(sqsEvent(await Promise.all(bodies.map((b) => h.record(b)))));
    h.dingtalk.emulator.setFault('team', { kind: 'http', status: 503, times: 1 });
    await h.handler(sqsEvent([h.tokenRecord()]));
    const group = await h.group('team');
    const pending = await h.memory.listPending(group, 10);
    expect(pending.map((p) => p.attempts)).toEqual([1, 1, 1, 1]);

    await h.memory.updatePending(group, { ...pending[0]!, attempts: 90 });
    h.clock.advance(60_000);
    await h.handler(sqsEvent([h.tokenRecord({ receiveCount: 2 })]));

    expect(h.queues.dlq()).toMatchObject([
      {
        deduplicationId: pending[0]!.messageId,
        attributes: { reason: { type: 'String', value: 'attempts' } },
      },
    ]);
    expect(h.outcomes.at(-1)).toMatchObject({
      fate: 'merged',
      keys: bodies.slice(1).map((b) => b.key),
    });
  });
});
