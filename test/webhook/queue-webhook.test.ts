import { deduplicationId } from '../../lib/delivery/dedup-id';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { parseFixture } from '../helpers/parse-fixture';
import { GITEE_SECRET } from '../helpers/relay-harness';
import { assertNoSecrets } from '../helpers/secret-sentinels';
import { enqueueFailures, startQueueRelay, type QueueRelay } from './queue-harness';

function push(timestamp?: number) {
  return signedGiteeEvent({ body: loadFixture('push-commits'), secret: GITEE_SECRET, timestamp });
}

const PUSH_REPOSITORY = parseFixture('push-commits').repository.path;

describe('the webhook in queue mode', () => {
  let relay: QueueRelay;
  afterEach(() => relay.close());

  it('answers 202 queued for every routed robot and sends nothing itself', async () => {
    relay = await startQueueRelay();
    const { status, body } = await relay.answer(push());
    expect(status).toBe(202);
    expect(body).toEqual({
      status: 'queued',
      event: 'push',
      action: 'push',
      repository: PUSH_REPOSITORY,
      auth: 'sign',
      deliveries: [
        { robot: 'team', platform: 'dingtalk', queued: true },
        { robot: 'ops', platform: 'dingtalk', queued: true },
      ],
    });
    expect(relay.dingtalk.emulator.received).toEqual([]);
    expect(enqueueFailures(relay)).toBe(0);
  });

  it('puts one message per robot in the queue: its group, its deduplication id, the contract body', async () => {
    relay = await startQueueRelay();
    const before = Date.now();
    await relay.answer(push());
    const messages = relay.queued();
    const delivery = parseFixture('push-commits');
    expect(messages.map((m) => [m.groupId, m.body.robot])).toEqual([
      [await relay.groupOf('team'), 'team'],
      [await relay.groupOf('ops'), 'ops'],
    ]);
    for (const message of messages) {
      expect(message.deduplicationId).toBe(
        deduplicationId(message.body.robot, delivery, undefined),
      );
      expect(message.body).toMatchObject({
        v: 1,
        key: message.deduplicationId,
        event: { kind: 'push', action: 'push', repository: PUSH_REPOSITORY },
      });
      expect(message.body.receivedAt).toBeGreaterThanOrEqual(before);
      expect(message.body.view.subject).toEqual({ event: 'push', action: 'push' });
      expect(message.body).not.toHaveProperty('atAll');
    }
    expect(messages[0]!.groupId).not.toBe(messages[1]!.groupId);
  });

  it('queues the same event delivered again by Gitee once per robot (SQS drops the copy)', async () => {
    relay = await startQueueRelay();
    expect((await relay.answer(push())).status).toBe(202);
    expect((await relay.answer(push())).status).toBe(202);
    expect(relay.queued()).toHaveLength(2);
    expect(relay.queue.calls).toHaveLength(2);
  });

  it('answers 503 naming each robot not queued while SQS is down, counted and logged as an error', async () => {
    relay = await startQueueRelay({ limits: { deliveryBudgetMs: 600 } });
    relay.queue.setDown(true);
    const { status, body } = await relay.answer(push());
    expect(status).toBe(503);
    expect(body).toEqual({
      error: 'queue unavailable',
      deliveries: [
        { robot: 'team', queued: false },
        { robot: 'ops', queued: false },
      ],
    });
    expect(enqueueFailures(relay)).toBe(2);
    const line = relay.logs.map((l) => JSON.parse(l) as Record<string, unknown>).at(-1)!;
    expect(line).toMatchObject({ level: 'error', status: 503, reason: 'queue unavailable' });
    expect(line.queued).toEqual([
      { robot: 'team', platform: 'dingtalk', queued: false, error: 'NetworkError' },
      { robot: 'ops', platform: 'dingtalk', queued: false, error: 'NetworkError' },
    ]);
    expect(relay.queue.calls.length).toBeGreaterThan(1);
  });

  it('answers 503 when one robot’s message is refused throughout, saying the other is queued', async () => {
    relay = await startQueueRelay({ limits: { deliveryBudgetMs: 600 } });
    const opsKey = deduplicationId('ops', parseFixture('push-commits'), undefined);
    relay.queue.failEntry(opsKey, ...Array<string>(100).fill('ServiceUnavailable'));
    const { status, body } = await relay.answer(push());
    expect(status).toBe(503);
    expect(body.deliveries).toEqual([
      { robot: 'team', queued: true },
      { robot: 'ops', queued: false },
    ]);
    expect(enqueueFailures(relay)).toBe(1);
  });

  it('retries an entry SQS did not take and answers 202 once it is', async () => {
    relay = await startQueueRelay();
    const opsKey = deduplicationId('ops', parseFixture('push-commits'), undefined);
    relay.queue.failEntry(opsKey, 'ServiceUnavailable');
    const { status } = await relay.answer(push());
    expect(status).toBe(202);
    expect(relay.queue.calls.map((call) => call.entries.length)).toEqual([2, 1]);
    expect(relay.queued().map((m) => m.body.robot)).toEqual(['team', 'ops']);
  });

  it('sends twelve robots’ messages in batches of ten and two', async () => {
    const robots = Array.from({ length: 12 }, (_, i) => ({ name: `r${i}`, keywords: ['Gitee'] }));
    relay = await startQueueRelay({ robots });
    const { status, body } = await relay.answer(push());
    expect(status).toBe(202);
    expect(body.deliveries).toHaveLength(12);
    expect(relay.queue.calls.map((call) => call.entries.length)).toEqual([10, 2]);
    expect(new Set(relay.queued().map((m) => m.groupId)).size).toBe(12);
  });

  it('writes no secret into any queue message, the log or the answer', async () => {
    relay = await startQueueRelay();
    const settings = await relay.settings.get();
    const secrets: Record<string, string> = { gitee: GITEE_SECRET };
    for (const robot of settings.robots) {
      secrets[`${robot.name}.webhook`] = robot.webhook.reveal();
      const token = new URL(robot.webhook.reveal()).searchParams.get('access_token');
      if (token) secrets[`${robot.name}.token`] = token;
      if (robot.secret) secrets[`${robot.name}.secret`] = robot.secret.reveal();
    }
    const answers = [];
    for (const name of ['push-commits', 'merge_request-open', 'note-issue', 'issue-open']) {
      const event = signedGiteeEvent({ body: loadFixture(name), secret: GITEE_SECRET });
      answers.push((await relay.handler(event)).body);
    }
    const bodies = [...relay.queue.messages.values()].map((entry) => JSON.stringify(entry));
    expect(bodies).toHaveLength(8);
    assertNoSecrets([...bodies, ...relay.logs, ...answers], 'queue mode', secrets);
    expect(bodies.join('\n')).not.toContain('<secret>');
  });

  it('reports deliveryMode queue on /health', async () => {
    relay = await startQueueRelay();
    const body = JSON.parse((await relay.health()).body) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, deliveryMode: 'queue' });
  });
});
