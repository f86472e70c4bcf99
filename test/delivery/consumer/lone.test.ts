import { flushGroupId } from '../../../lib/delivery/group-id';
import { parseFlushToken } from '../../../lib/delivery/parse-message';
import { startConsumer, type ConsumerHarness } from './harness';
import { sqsEvent } from './sqs-records';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let h: ConsumerHarness;
beforeEach(async () => {
  h = await startConsumer();
});
afterEach(() => h.close());

describe('deliver handler: a quiet robot', () => {
  it('sends up to three records alone, in order, with no added delay', async () => {
    const start = h.now();
    const bodies = await Promise.all([
      h.body('team', 'tag_push-create'),
      h.body('team', 'push-commits'),
      h.body('team', 'issue-open'),
    ]);
    const records = await Promise.all(bodies.map((body) => h.record(body)));

    const answer = await h.handler(sqsEvent(records));

    expect(answer).toEqual({ batchItemFailures: [] });
    const accepted = h.accepted();
    expect(accepted).toHaveLength(3);
    expect(accepted.map((m) => Date.parse(m.receivedAt))).toEqual([start, start, start]);
    expect(h.outcomes.map((o) => [o.fate, o.keys])).toEqual(bodies.map((b) => ['sent', [b.key]]));
    expect(h.queues.sent).toEqual([]);
    const pace = await h.store.readPace(await h.group('team'));
    expect(pace.sent).toHaveLength(3);
    expect(pace).toMatchObject({ robot: 'team', pendingCount: 0, flushTokenAt: null });
  });

  it('stores four records as pending and puts out one flush token for their digest', async () => {
    const bodies = await Promise.all([1, 2, 3, 4].map(() => h.body('team')));
    const records = await Promise.all(bodies.map((body) => h.record(body)));
    const group = await h.group('team');

    const answer = await h.handler(sqsEvent(records));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.received()).toEqual([]);
    expect(h.outcomes.map((o) => o.fate)).toEqual(['queued', 'queued', 'queued', 'queued']);
    const pending = await h.store.listPending(group, 10);
    expect(pending.map((p) => p.messageId)).toEqual(records.map((r) => r.messageId));
    expect(pending.map((p) => p.body)).toEqual(records.map((r) => r.body));
    const tokens = h.queues.tokens();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.groupId).toBe(flushGroupId(group));
    expect(parseFlushToken(tokens[0]!.body)).toEqual({ flush: 1, group, robot: 'team' });
    expect(tokens[0]!.deduplicationId).toMatch(
      new RegExp(`^${flushGroupId(group)}-\\d+-[0-9a-f]{8}$`),
    );
    expect(await h.store.readPace(group)).toMatchObject({
      pendingCount: 4,
      oldestPendingAt: bodies[0]!.receivedAt,
      flushTokenAt: h.now(),
    });
  });
});
