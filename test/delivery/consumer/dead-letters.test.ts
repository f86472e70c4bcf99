import { startConsumer, type ConsumerHarness } from './harness';
import { sqsEvent } from './sqs-records';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SECRET = 'SECtest-team-0123456789abcdef';
const ROTATED = 'SECtest-team-rotated-000000000';

let h: ConsumerHarness;
beforeEach(async () => {
  h = await startConsumer();
});
afterEach(() => h.close());

/** What the DLQ was sent, by reason, with the attributes as plain values. */
function deadLetters() {
  return h.queues.dlq().map((entry) => ({
    groupId: entry.groupId,
    deduplicationId: entry.deduplicationId,
    body: entry.body,
    attributes: Object.fromEntries(
      Object.entries(entry.attributes ?? {}).map(([name, { type, value }]) => [
        name,
        `${type}:${value}`,
      ]),
    ),
  }));
}

function emulatorRobot(overrides: { secret?: string; keywords?: string[]; accessToken?: string }) {
  h.dingtalk.emulator.setRobots([
    {
      name: 'team',
      accessToken: 'tokentest-team',
      secret: SECRET,
      keywords: ['Gitee'],
      ...overrides,
    },
  ]);
}

describe('deliver handler: what no retry can fix goes to the DLQ, not lost, not retried', () => {
  it.each([
    ['keyword', () => emulatorRobot({ keywords: ['别的词'] }), 310000],
    [
      'ip',
      () =>
        h.dingtalk.emulator.setFault('team', {
          kind: 'errcode',
          errcode: 310000,
          errmsg: 'ip 203.0.113.9 not in whitelist',
          times: 1,
        }),
      310000,
    ],
    [
      'too_long',
      () =>
        h.dingtalk.emulator.setFault('team', {
          kind: 'errcode',
          errcode: 460101,
          errmsg: 'message too long',
          times: 1,
        }),
      460101,
    ],
    [
      'rejected',
      () =>
        h.dingtalk.emulator.setFault('team', {
          kind: 'errcode',
          errcode: 999999,
          errmsg: 'something new',
          times: 1,
        }),
      999999,
    ],
  ])(
    '%s: the original body, group and messageId, with the reason and errcode',
    async (reason, fault, errcode) => {
      fault();
      const body = await h.body('team');
      const record = await h.record(body);

      const answer = await h.handler(sqsEvent([record]));

      expect(answer.batchItemFailures).toEqual([]);
      expect(deadLetters()).toEqual([
        {
          groupId: record.attributes.MessageGroupId,
          deduplicationId: record.messageId,
          body: record.body,
          attributes: {
            reason: `String:${reason}`,
            robot: 'String:team',
            errcode: `Number:${errcode}`,
            deadLetteredAt: `Number:${h.now()}`,
          },
        },
      ]);
      expect(h.outcomes).toEqual([
        { fate: 'dead-lettered', robot: 'team', platform: 'dingtalk', keys: [body.key], reason },
      ]);
      const pace = await h.store.readPace(await h.group('team'));
      expect(pace.lastError).toEqual({ reason, errcode, at: h.now() });
      expect(pace.pendingCount).toBe(0);
    },
  );

  it('sends with a secret rotated in the settings after the refusal, without a dead letter', async () => {
    emulatorRobot({ secret: ROTATED });
    await h.settings.get();
    h.parameters.set('robots/team/secret', ROTATED);
    const body = await h.body('team');

    const answer = await h.handler(sqsEvent([await h.record(body)]));

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.received().map((m) => m.errcode)).toEqual([310000, 0]);
    expect(h.outcomes).toMatchObject([{ fate: 'sent', keys: [body.key] }]);
    expect(h.queues.dlq()).toEqual([]);
  });

  it('dead-letters a signature refusal when the settings have not changed', async () => {
    emulatorRobot({ secret: ROTATED });
    const record = await h.record(await h.body('team'));

    await h.handler(sqsEvent([record]));

    expect(h.received().map((m) => m.errcode)).toEqual([310000]);
    expect(deadLetters()).toMatchObject([
      { deduplicationId: record.messageId, attributes: { reason: 'String:signature' } },
    ]);
  });

  it('sends to a webhook rotated in the settings after a token refusal', async () => {
    emulatorRobot({ accessToken: 'tokentest-team-new' });
    const record = await h.record(await h.body('team'));
    h.parameters.set(
      'robots/team/webhook',
      h.dingtalk.url('team').replace('tokentest-team', 'tokentest-team-new'),
    );

    await h.handler(sqsEvent([record]));

    expect(h.outcomes).toMatchObject([{ fate: 'sent' }]);
    expect(h.queues.dlq()).toEqual([]);
  });

  it('dead-letters a token refusal when the webhook has not changed', async () => {
    emulatorRobot({ accessToken: 'tokentest-team-new' });
    const record = await h.record(await h.body('team'));

    await h.handler(sqsEvent([record]));

    expect(deadLetters()).toMatchObject([{ attributes: { reason: 'String:token' } }]);
  });

  it('keeps the record in the queue when the DLQ does not take it', async () => {
    emulatorRobot({ keywords: ['别的词'] });
    h.queues.failing.dlq = true;
    const record = await h.record(await h.body('team'));

    const answer = await h.handler(sqsEvent([record]));

    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(h.outcomes).toMatchObject([{ fate: 'deferred', reason: 'unavailable' }]);
  });
});

describe('deliver handler: records dead-lettered before any send', () => {
  it.each([
    ['not JSON', '{"v":1,'],
    ['a version from the future', JSON.stringify({ v: 2, robot: 'team', key: 'k', receivedAt: 1 })],
    ['no view', JSON.stringify({ v: 1, robot: 'team', key: 'k', receivedAt: 1, event: {} })],
  ])('%s: unparseable at once', async (_name, text) => {
    const record = await h.record(text, { robot: 'team' });

    expect(await h.handler(sqsEvent([record]))).toEqual({ batchItemFailures: [] });

    expect(deadLetters()).toEqual([
      {
        groupId: record.attributes.MessageGroupId,
        deduplicationId: record.messageId,
        body: text,
        attributes: { reason: 'String:unparseable', deadLetteredAt: `Number:${h.now()}` },
      },
    ]);
    expect(h.received()).toEqual([]);
  });

  it('a robot no longer in the settings: robot_removed', async () => {
    const body = await h.body('team');
    const record = await h.record(body);
    h.parameters.delete('robots/team/webhook');
    h.parameters.delete('robots/team/secret');
    h.parameters.set('config', 'robots: {}');
    await h.settings.refresh();

    await h.handler(sqsEvent([record]));

    expect(deadLetters()).toMatchObject([
      { attributes: { reason: 'String:robot_removed', robot: 'String:team' } },
    ]);
    expect(h.outcomes).toEqual([
      {
        fate: 'dead-lettered',
        robot: 'team',
        platform: null,
        keys: [body.key],
        reason: 'robot_removed',
      },
    ]);
  });

  it('more than 24 h since the message entered the queue: expired', async () => {
    const body = await h.body('team');
    const record = await h.record(body, { sentTimestamp: h.now() - 24 * 3600_000 - 1 });

    await h.handler(sqsEvent([record]));

    expect(deadLetters()).toMatchObject([{ attributes: { reason: 'String:expired' } }]);
  });

  it('measures expiry from SentTimestamp (a redrive renews it), not from the event', async () => {
    const body = await h.body('team', 'tag_push-create', {
      receivedAt: h.now() - 3 * 24 * 3600_000,
    });

    await h.handler(sqsEvent([await h.record(body)]));

    expect(h.outcomes).toMatchObject([{ fate: 'sent' }]);
  });

  it('received 90 times: attempts', async () => {
    const record = await h.record(await h.body('team'), { receiveCount: 90 });

    await h.handler(sqsEvent([record]));

    expect(deadLetters()).toMatchObject([{ attributes: { reason: 'String:attempts' } }]);
    expect(h.received()).toEqual([]);
  });

  it('accepts a version 0 body (no event: kind and action come from the view)', async () => {
    const v0: Record<string, unknown> = { ...(await h.body('team', 'push-commits')), v: 0 };
    delete v0.event;

    const answer = await h.handler(
      sqsEvent([await h.record(JSON.stringify(v0), { robot: 'team' })]),
    );

    expect(answer.batchItemFailures).toEqual([]);
    expect(h.outcomes).toMatchObject([{ fate: 'sent', keys: [v0.key as string] }]);
    expect(h.accepted()).toHaveLength(1);
  });
});
