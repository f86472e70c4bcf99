import type { SQSRecord } from 'aws-lambda';
import { BUDGETS, spacingMs } from '../../../lib/delivery/budgets';
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

/** Four records stored as a backlog (one token out); answers the records and their keys. */
async function backlog(count = 4, robot = 'team') {
  const bodies = await Promise.all(Array.from({ length: count }, () => h.body(robot)));
  const records = await Promise.all(bodies.map((b) => h.record(b)));
  expect((await h.handler(sqsEvent(records))).batchItemFailures).toEqual([]);
  return { records, keys: bodies.map((b) => b.key) };
}

describe('deliver handler: the flush token', () => {
  it('sends the backlog as one digest and then finishes, clearing flushTokenAt', async () => {
    const { keys } = await backlog(4);
    const token = h.tokenRecord();

    const answer = await h.handler(sqsEvent([token]));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.accepted()).toHaveLength(1);
    expect(h.outcomes.at(-1)).toEqual({
      fate: 'merged',
      robot: 'team',
      platform: 'dingtalk',
      keys,
      digestOf: keys,
    });
    const group = await h.group('team');
    expect(await h.memory.listPending(group, 10)).toEqual([]);
    expect(await h.memory.readPace(group)).toMatchObject({
      pendingCount: 0,
      oldestPendingAt: null,
      flushTokenAt: null,
      lastSuccessAt: h.now(),
    });
    expect(JSON.stringify(h.accepted()[0]!.message)).toContain('Gitee');
  });

  it('leaves a lone event on a robot with no backlog to go at once, even a second after a digest', async () => {
    await backlog(4);
    await h.flushAll();
    expect((await h.memory.readPace(await h.group('team'))).flushTokenAt).toBeNull();
    h.clock.advance(1000);
    const body = await h.body('team');

    const answer = await h.handler(sqsEvent([await h.record(body)]));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'sent', keys: [body.key] });
    const [digest, lone] = h.accepted().map((m) => Date.parse(m.receivedAt));
    expect(lone! - digest!).toBeLessThan(spacingMs(BUDGETS.dingtalk));
    expect(h.queues.tokens()).toHaveLength(1);
  });

  it('is replaced by a fresh token at 45 receives, and the old one finishes unhandled', async () => {
    await backlog(4);
    const old = h.tokenRecord({ receiveCount: 45 });

    const answer = await h.handler(sqsEvent([old]));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.received()).toEqual([]);
    const tokens = h.queues.tokens();
    expect(tokens).toHaveLength(2);
    expect(tokens[1]!.body).toBe(tokens[0]!.body);
    expect(tokens[1]!.deduplicationId).not.toBe(tokens[0]!.deduplicationId);

    await h.handler(sqsEvent([h.tokenRecord()]));
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'merged' });
  });

  it('waits for the next slot when the minute is spent, and says until when', async () => {
    await backlog(4);
    const group = await h.group('team');
    const pace = await h.memory.readPace(group);
    const first = h.now() - 30_000;
    const sent = Array.from({ length: 18 }, (_, i) => first + i);
    await h.memory.writePace(group, { ...pace, sent }, pace.ver);
    const token = h.tokenRecord();

    const answer = await h.handler(sqsEvent([token]));

    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: token.messageId }]);
    expect(h.queues.visibility.at(-1)).toEqual({ receiptHandle: token.receiptHandle, seconds: 30 });
    expect(h.outcomes.at(-1)).toMatchObject({
      fate: 'deferred',
      reason: 'pacing',
      until: first + 60_000,
    });
    expect(h.received()).toEqual([]);
    // Handled now: the token's stamp is fresh, so no container takes it for lost.
    expect((await h.memory.readPace(group)).flushTokenAt).toBe(h.now());
  });

  it('sends a backlog larger than one digest in several, oldest first, one gap apart', async () => {
    // 250 events: more than one listing (200) and than one digest holds.
    for (let batch = 0; batch < 25; batch++) await backlog(10);
    const all = h.outcomes.filter((o) => o.fate === 'queued').flatMap((o) => o.keys);
    expect(all).toHaveLength(250);

    const handlings = await h.flushAll();

    const delivered = h.outcomes.filter((o) => o.fate === 'merged' || o.fate === 'sent');
    expect(delivered.flatMap((o) => o.keys)).toEqual(all);
    expect(delivered.length).toBeGreaterThan(1);
    expect(h.accepted()).toHaveLength(delivered.length);
    // One digest per handling: the token waits a gap (60 s / 18) after each but the last,
    // after which it finds nothing more and finishes.
    expect(handlings).toBe(delivered.length);
    const times = h.accepted().map((m) => Date.parse(m.receivedAt));
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(spacingMs(BUDGETS.dingtalk));
    }
    expect(h.queues.tokens()).toHaveLength(1);
    expect((await h.memory.readPace(await h.group('team'))).pendingCount).toBe(0);
  });

  it('defers a digest after a send until one gap later, and says so', async () => {
    await backlog(4);
    const group = await h.group('team');
    const pace = await h.memory.readPace(group);
    // A lone send (or a ping) went out a second ago: the minute has plenty of room.
    const last = h.now() - 1000;
    await h.memory.writePace(group, { ...pace, sent: [last] }, pace.ver);
    const token = h.tokenRecord();

    const answer = await h.handler(sqsEvent([token]));

    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: token.messageId }]);
    expect(h.received()).toEqual([]);
    const until = last + spacingMs(BUDGETS.dingtalk);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'deferred', reason: 'pacing', until });
    // The visibility ends at the spaced slot (whole seconds, rounded up), not at the minute.
    expect(h.queues.visibility.at(-1)).toEqual({ receiptHandle: token.receiptHandle, seconds: 3 });

    h.clock.advanceTo(until);
    await h.handler(sqsEvent([h.tokenRecord()]));
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'merged' });
  });

  it('dead-letters each event of a refused digest with its own body and messageId', async () => {
    const { records } = await backlog(4);
    h.dingtalk.emulator.setRobots([
      {
        name: 'team',
        accessToken: 'tokentest-team',
        secret: 'SECtest-team-0123456789abcdef',
        keywords: ['别的词'],
      },
    ]);
    const all: SQSRecord[] = [...records];

    await h.handler(sqsEvent([h.tokenRecord()]));

    const dlq = h.queues.dlq();
    expect(dlq.map((e) => e.deduplicationId)).toEqual(all.map((r) => r.messageId));
    expect(dlq.map((e) => e.body)).toEqual(all.map((r) => r.body));
    for (const entry of dlq) {
      expect(entry.groupId).toBe(await h.group('team'));
      expect(entry.attributes?.reason).toEqual({ type: 'String', value: 'keyword' });
      expect(entry.attributes?.errcode).toEqual({ type: 'Number', value: '310000' });
    }
    expect(await h.memory.listPending(await h.group('team'), 10)).toEqual([]);
    expect((await h.memory.readPace(await h.group('team'))).pendingCount).toBe(0);
  });

  it('dead-letters pending events whose robot left the settings', async () => {
    const { records } = await backlog(4);
    h.parameters.delete('robots/team/webhook');
    h.parameters.delete('robots/team/secret');
    h.parameters.set('config', 'robots: {}');
    await h.settings.refresh();

    await h.handler(sqsEvent([h.tokenRecord()]));

    const dlq = h.queues.dlq();
    expect(dlq.map((e) => e.attributes?.reason?.value)).toEqual(Array(4).fill('robot_removed'));
    expect(dlq.map((e) => e.deduplicationId)).toEqual(records.map((r) => r.messageId));
    expect(h.received()).toEqual([]);
    expect(
      (await h.memory.readPace(records[0]!.attributes.MessageGroupId!)).flushTokenAt,
    ).toBeNull();
  });

  it('dead-letters pending events a day after they entered the queue', async () => {
    await backlog(4);
    h.clock.advance(24 * 3600_000 + 1);

    await h.handler(sqsEvent([h.tokenRecord()]));

    expect(h.queues.dlq().map((e) => e.attributes?.reason?.value)).toEqual([
      'expired',
      'expired',
      'expired',
      'expired',
    ]);
    expect(h.received()).toEqual([]);
  });

  it('keeps the token, sending nothing, when the store is down', async () => {
    await backlog(4);
    store.down.add('listPending');
    const token = h.tokenRecord();

    const answer = await h.handler(sqsEvent([token]));

    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: token.messageId }]);
    expect(h.received()).toEqual([]);
    expect(h.queues.visibility.at(-1)!.seconds).toBeGreaterThanOrEqual(10);
  });

  it('finishes a second token of the same group in one batch as redundant', async () => {
    await backlog(4);
    const tokens = [h.tokenRecord(), h.tokenRecord()];

    const answer = await h.handler(sqsEvent(tokens));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.accepted()).toHaveLength(1);
  });
});

describe('deliver handler: a token finishing while events arrive (flushTokenAt race)', () => {
  it('finds events stored between its empty read and its clear, and sends them', async () => {
    await backlog(4);
    const token = h.tokenRecord();
    let later: string[] = [];
    // After the digest the token finds nothing pending; before it clears flushTokenAt,
    // another container stores four more (and sees a token out: it sends none).
    let lists = 0;
    store.before(
      'writePace',
      async () => {
        later = (await backlog(4)).keys;
      },
      (args) => {
        const next = args[1] as { flushTokenAt: number | null };
        return next.flushTokenAt === null && ++lists === 1;
      },
    );

    await h.handler(sqsEvent([token]));
    // It found them, and waits a gap after its digest before sending them.
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'deferred', reason: 'pacing', keys: later });
    await h.flushAll();

    expect(h.queues.tokens()).toHaveLength(1);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'merged', keys: later });
    expect((await h.memory.readPace(await h.group('team'))).flushTokenAt).toBeNull();
    expect(await h.memory.listPending(await h.group('team'), 10)).toEqual([]);
  });

  it('makes an event batch that read the token out send a fresh one when it finished', async () => {
    await backlog(4);
    const token = h.tokenRecord();
    const group = await h.group('team');
    const bodies = await Promise.all([1, 2, 3, 4].map(() => h.body('team')));
    const four = await Promise.all(bodies.map((body) => h.record(body)));
    // The event batch has read the pace item (a token out) and is about to store; the token
    // sends the first backlog, finds nothing more and clears flushTokenAt first.
    store.before('addPending', async () => {
      await h.handler(sqsEvent([token]));
      expect((await h.memory.readPace(group)).flushTokenAt).toBeNull();
    });

    await h.handler(sqsEvent(four));

    // The batch's conditional write lost to the token's, re-read, and sent a fresh token.
    expect(h.queues.tokens()).toHaveLength(2);
    expect((await h.memory.readPace(group)).flushTokenAt).toBe(h.now());
    await h.flushAll();
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'merged', keys: bodies.map((b) => b.key) });
    expect(await h.memory.listPending(group, 10)).toEqual([]);
  });
});
