import { startConsumer, type ConsumerHarness } from './harness';
import { sqsEvent } from './sqs-records';
import { createFaultyStore, type FaultyStore } from './store-faults';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let h: ConsumerHarness;
let store: FaultyStore;
beforeEach(async () => {
  h = await startConsumer({ store: (memory) => (store = createFaultyStore(memory)) });
});
afterEach(() => h.close());

const failedIds = (answer: { batchItemFailures: { itemIdentifier: string }[] }) =>
  answer.batchItemFailures.map((failure) => failure.itemIdentifier);

describe('deliver handler: order within a robot group', () => {
  it('sends nothing and keeps every record when the pacing store is down', async () => {
    store.down.add('readPace');
    const records = await Promise.all([1, 2, 3].map(async () => h.record(await h.body('team'))));

    const answer = await h.handler(sqsEvent(records));

    expect(failedIds(answer)).toEqual(records.map((r) => r.messageId));
    expect(h.received()).toEqual([]);
    // Each comes back after 10 s (receive 1) plus jitter: the whole group, so SQS's group
    // lock is not held by one of them for the queue's full visibility timeout.
    expect(h.queues.visibility.map((v) => v.receiptHandle)).toEqual(
      records.map((r) => r.receiptHandle),
    );
    for (const { seconds } of h.queues.visibility) {
      expect(seconds).toBeGreaterThanOrEqual(10);
      expect(seconds).toBeLessThanOrEqual(13);
    }
    expect(h.outcomes.map((o) => [o.fate, o.reason])).toEqual([
      ['deferred', 'unavailable'],
      ['deferred', 'unavailable'],
      ['deferred', 'unavailable'],
    ]);
  });

  it('after a record the DLQ would not take, keeps it and every later one unsent', async () => {
    h.queues.failing.dlq = true;
    const first = await h.record(await h.body('team'));
    const broken = await h.record('not json', { robot: 'team' });
    const last = await h.record(await h.body('team'));

    const answer = await h.handler(sqsEvent([first, broken, last]));

    expect(failedIds(answer)).toEqual([broken.messageId, last.messageId]);
    expect(h.accepted()).toHaveLength(1);
    expect(h.outcomes[0]).toMatchObject({ fate: 'sent' });
  });

  it('a record moved to the DLQ is not reported, and the next one is still sent', async () => {
    const broken = await h.record('not json', { robot: 'team' });
    const next = await h.record(await h.body('team'));

    const answer = await h.handler(sqsEvent([broken, next]));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.outcomes.map((o) => o.fate)).toEqual(['dead-lettered', 'sent']);
  });

  it('keeps the records from the first the store could not take; stored ones are done', async () => {
    const records = await Promise.all([1, 2, 3, 4].map(async () => h.record(await h.body('team'))));
    let adds = 0;
    const third = () => ++adds === 3;
    store.before('addPending', () => Promise.resolve(void store.down.add('addPending')), third);

    const answer = await h.handler(sqsEvent(records));

    expect(failedIds(answer)).toEqual([records[2]!.messageId, records[3]!.messageId]);
    const pending = await h.memory.listPending(await h.group('team'), 10);
    expect(pending.map((p) => p.messageId)).toEqual([records[0]!.messageId, records[1]!.messageId]);
    expect(h.queues.tokens()).toHaveLength(1);
  });

  it('stores a lone record that failed for now, and the later ones behind it, in order', async () => {
    h.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: -1,
      errmsg: 'system busy',
      times: 1,
    });
    const bodies = await Promise.all([1, 2, 3].map(() => h.body('team')));
    const records = await Promise.all(bodies.map((b) => h.record(b)));

    const answer = await h.handler(sqsEvent(records));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.received()).toHaveLength(1);
    expect(h.outcomes.map((o) => o.fate)).toEqual(['deferred', 'queued', 'queued']);
    const pending = await h.memory.listPending(await h.group('team'), 10);
    expect(pending.map((p) => p.messageId)).toEqual(records.map((r) => r.messageId));
  });

  it('sends nothing alone while a backlog is pending: the event joins it', async () => {
    const four = await Promise.all([1, 2, 3, 4].map(async () => h.record(await h.body('team'))));
    await h.handler(sqsEvent(four));
    const late = await h.record(await h.body('team'));

    await h.handler(sqsEvent([late]));

    expect(h.received()).toEqual([]);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'queued' });
    expect(await h.memory.listPending(await h.group('team'), 10)).toHaveLength(5);
    // One token is out already: no second one.
    expect(h.queues.tokens()).toHaveLength(1);
  });

  it('stores records a robot has no slots for, rather than sending over its budget', async () => {
    const group = await h.group('team');
    const pace = await h.memory.readPace(group);
    const sent = Array.from({ length: 17 }, (_, i) => h.now() - 50_000 + i);
    await h.memory.writePace(group, { ...pace, robot: 'team', sent }, pace.ver);
    const two = await Promise.all([1, 2].map(async () => h.record(await h.body('team'))));

    await h.handler(sqsEvent(two));

    expect(h.received()).toEqual([]);
    expect(h.outcomes.map((o) => o.fate)).toEqual(['queued', 'queued']);
  });

  it('keeps every record when the settings cannot be read', async () => {
    const record = await h.record(await h.body('team'));
    const broken = await startConsumer({
      deps: {
        settings: {
          get: () => Promise.reject(new Error('SSM unavailable (test)')),
          refresh: () => Promise.reject(new Error('SSM unavailable (test)')),
        },
      },
    });
    try {
      const answer = await broken.handler(sqsEvent([record]));
      expect(failedIds(answer)).toEqual([record.messageId]);
      expect(broken.received()).toEqual([]);
      expect(broken.queues.visibility).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('runs groups side by side and keeps each group apart', async () => {
    await h.close();
    h = await startConsumer({
      robots: [
        { name: 'team', keywords: ['Gitee'] },
        { name: 'ops', keywords: ['Gitee'] },
      ],
      store: (memory) => (store = createFaultyStore(memory)),
    });
    h.dingtalk.emulator.setRobots([
      { name: 'team', accessToken: 'tokentest-team', keywords: ['别的词'] },
      { name: 'ops', accessToken: 'tokentest-ops', keywords: ['Gitee'] },
    ]);
    const records = [
      await h.record(await h.body('team')),
      await h.record(await h.body('ops')),
      await h.record(await h.body('team')),
    ];

    const answer = await h.handler(sqsEvent(records));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.outcomes.map((o) => [o.robot, o.fate])).toEqual(
      expect.arrayContaining([
        ['team', 'dead-lettered'],
        ['team', 'dead-lettered'],
        ['ops', 'sent'],
      ]),
    );
  });
});
