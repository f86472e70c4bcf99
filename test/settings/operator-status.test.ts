import { emptyPace } from '../../lib/delivery/ports';
import { SENTINEL_SECRETS } from '../helpers/secret-sentinels';
import { deadLetter, groupOf, startOperatorRig, STAGE, type OperatorRig } from './operator-harness';

const NOW = Date.now();

describe('settings CLI: status', () => {
  let rig: OperatorRig;
  beforeEach(async () => {
    rig = await startOperatorRig(() => NOW);
  });
  afterEach(() => rig.close());

  it('shows an idle stage: empty queues, nothing pending, no robot yet', async () => {
    const { code, out } = await rig.run('status', '--stage', STAGE);
    expect(code).toBe(0);
    expect(out).toEqual([
      `Stage ${STAGE}: gitee-dingtalk-${STAGE}-delivery.fifo, table gitee-dingtalk-${STAGE}-delivery`,
      'Delivery queue: 0 waiting, 0 in flight',
      'Pending events: none stored for a digest',
      'Dead-letter queue: 0 message(s)',
      'Robots: none has sent yet',
    ]);
  });

  it("shows queue depth, the oldest pending event, dead letters by reason and each robot's pace", async () => {
    for (let i = 0; i < 3; i += 1) {
      rig.sqs.model.sendMessage({
        QueueUrl: rig.urls.delivery,
        MessageBody: `{"v":1,"n":${i}}`,
        MessageGroupId: groupOf('team'),
        MessageDeduplicationId: `d${i}`,
      });
    }
    await rig.queues.send('dlq', deadLetter('team', 'keyword', { errcode: 310000 }));
    await rig.queues.send('dlq', deadLetter('team', 'keyword', { errcode: 310000 }));
    await rig.queues.send('dlq', deadLetter('ops', 'expired'));
    await rig.store.writePace(
      groupOf('team'),
      {
        ...emptyPace('team'),
        sent: [NOW - 70_000, NOW - 30_000, NOW - 5_000],
        blockedUntil: NOW + 540_000,
        oldestPendingAt: NOW - 250_000,
        pendingCount: 4,
        lastError: { reason: 'rate limit', errcode: 130101, at: NOW - 60_000 },
        lastSuccessAt: NOW - 5_000,
      },
      0,
    );
    await rig.store.writePace(groupOf('ops'), { ...emptyPace('ops'), sent: [NOW - 1000] }, 0);

    const { code, out } = await rig.run('status', '--stage', STAGE);

    expect(code).toBe(0);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(out).toEqual([
      `Stage ${STAGE}: gitee-dingtalk-${STAGE}-delivery.fifo, table gitee-dingtalk-${STAGE}-delivery`,
      'Delivery queue: 3 waiting, 0 in flight',
      'Pending events: 4; the oldest is 4m 10s old (robot team)',
      'Dead-letter queue: 3 message(s)',
      '  by reason (read without deleting; each was hidden for at most 30 s):',
      '    keyword: 2',
      '    expired: 1',
      'Robots:',
      `  ops [${groupOf('ops')}]: 1 sent in the last 60 s, 0 pending, not blocked, no error, no success yet`,
      `  team [${groupOf('team')}]: 2 sent in the last 60 s, 4 pending, blocked until ${iso(NOW + 540_000)} (9m 0s from now), last error rate limit (errcode 130101) at ${iso(NOW - 60_000)}, last success ${iso(NOW - 5_000)}`,
    ]);
    // The pass released what it read: every dead letter can be received again at once.
    expect(rig.sqs.model.peek(rig.urls.dlq).every((m) => !m.inFlight)).toBe(true);
  });

  it('says how many dead letters it could read when a robot group holds more than one receive', async () => {
    for (let i = 0; i < 14; i += 1) await rig.queues.send('dlq', deadLetter('team', 'keyword'));
    const { out } = await rig.run('status', '--stage', STAGE);
    expect(out).toContain('    keyword: 10');
    expect(out).toContain(
      '  (10 of about 14 read: a FIFO queue shows only the first messages of each robot group until they are deleted)',
    );
  });

  it('never prints a dead letter body, whatever it holds', async () => {
    const body = JSON.stringify({ v: 1, robot: 'team', view: Object.values(SENTINEL_SECRETS) });
    await rig.queues.send('dlq', deadLetter('team', 'keyword', { body }));
    const { out, err } = await rig.run('status', '--stage', STAGE);
    const printed = [...out, ...err].join('\n');
    for (const secret of Object.values(SENTINEL_SECRETS))
      expect(printed).not.toContain(secret.slice(0, 12));
  });

  it('fails plainly for a stage with no queues (deployed direct, or another region)', async () => {
    const { code, err } = await rig.run('status', '--stage', 'other');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(
      /^SQS GetQueueUrl failed: QueueDoesNotExist.* for gitee-dingtalk-other-delivery\.fifo \(is stage other deployed in queue mode, in this region\?\)$/,
    );
  });
});
