import { deduplicationId } from '../../lib/delivery/dedup-id';
import { emptyPace, type PacingStore } from '../../lib/delivery/ports';
import { signedGiteeEvent, uniqueNow } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { parseFixture } from '../helpers/parse-fixture';
import { GITEE_SECRET } from '../helpers/relay-harness';
import { enqueueFailures, sharedParts, startQueueRelay, type QueueRelay } from './queue-harness';

const MINUTE = 60_000;

function ping(timestamp = uniqueNow()) {
  return signedGiteeEvent({
    body: loadFixture('ping-push_hooks'),
    secret: GITEE_SECRET,
    timestamp,
  });
}

const PONG = { status: 'pong', event: 'ping', repository: 'gy2006/flow-test', auth: 'sign' };

/** The robot's pace item as if the deliver function had just used its whole minute. */
async function useBudget(relay: QueueRelay, robot: string, sends = 18) {
  const group = await relay.groupOf(robot);
  const pace = await relay.store.readPace(group);
  const sent = Array.from({ length: sends }, () => Date.now());
  expect(await relay.store.writePace(group, { ...pace, robot, sent }, pace.ver)).toBe(true);
}

describe('the Test button in queue mode', () => {
  let relay: QueueRelay;
  afterEach(() => relay.close());

  it('sends the ping now where a slot is free, counts it in the pace item, and shows each result', async () => {
    relay = await startQueueRelay();
    const { status, body } = await relay.answer(ping());
    expect(status).toBe(200);
    expect(body).toEqual({
      ...PONG,
      deliveries: [
        { robot: 'team', platform: 'dingtalk', ok: true },
        { robot: 'ops', platform: 'dingtalk', ok: true },
      ],
    });
    expect(relay.dingtalk.emulator.received.map((r) => r.robot).sort()).toEqual(['ops', 'team']);
    const pace = await relay.store.readPace(await relay.groupOf('team'));
    expect(pace).toMatchObject({ robot: 'team', ver: 1 });
    expect(pace.sent).toHaveLength(1);
    expect(relay.queued()).toEqual([]);
  });

  it('queues the ping of a robot with no slot left, and the pong says so', async () => {
    relay = await startQueueRelay();
    await useBudget(relay, 'team');
    const ts = uniqueNow();
    const { status, body } = await relay.answer(ping(ts));
    expect(status).toBe(200);
    expect(body.deliveries).toEqual([
      { robot: 'team', platform: 'dingtalk', queued: true },
      { robot: 'ops', platform: 'dingtalk', ok: true },
    ]);
    expect(relay.dingtalk.emulator.received.map((r) => r.robot)).toEqual(['ops']);
    const [message] = relay.queued();
    const expectedKey = deduplicationId('team', parseFixture('ping-push_hooks'), String(ts));
    expect(message).toMatchObject({
      groupId: await relay.groupOf('team'),
      deduplicationId: expectedKey,
      body: { robot: 'team', key: expectedKey, event: { kind: 'ping', action: 'ping' } },
    });
  });

  it('queues a second click as a message of its own (its X-Gitee-Timestamp differs)', async () => {
    relay = await startQueueRelay();
    await useBudget(relay, 'team');
    await relay.answer(ping());
    await relay.answer(ping());
    expect(relay.queued().filter((m) => m.body.robot === 'team')).toHaveLength(2);
  });

  it('queues the ping of a robot its platform blocks', async () => {
    relay = await startQueueRelay();
    const group = await relay.groupOf('ops');
    const blocked = { ...emptyPace('ops'), blockedUntil: Date.now() + 10 * MINUTE };
    await relay.store.writePace(group, blocked, 0);
    const { body } = await relay.answer(ping());
    expect(body.deliveries).toEqual([
      { robot: 'team', platform: 'dingtalk', ok: true },
      { robot: 'ops', platform: 'dingtalk', queued: true },
    ]);
  });

  it('queues the pings while the pacing items cannot be read, and logs why', async () => {
    const shared = sharedParts();
    const failing: PacingStore = {
      ...shared.store,
      readPace: () => Promise.reject(Object.assign(new Error('down'), { name: 'NetworkError' })),
    };
    relay = await startQueueRelay({ shared: { ...shared, store: failing } });
    const { body } = await relay.answer(ping());
    expect(body.deliveries).toEqual([
      { robot: 'team', platform: 'dingtalk', queued: true },
      { robot: 'ops', platform: 'dingtalk', queued: true },
    ]);
    expect(relay.dingtalk.emulator.received).toEqual([]);
    expect(relay.logs.join('\n')).toMatch(/ping: pacing item unavailable.*NetworkError/);
  });

  it('says queued: false for a robot with no slot while SQS is down, and counts it', async () => {
    relay = await startQueueRelay({ limits: { deliveryBudgetMs: 600 } });
    await useBudget(relay, 'team');
    relay.queue.setDown(true);
    const { status, body } = await relay.answer(ping());
    expect(status).toBe(200);
    expect(body.deliveries).toEqual([
      { robot: 'team', platform: 'dingtalk', queued: false, error: 'queue unavailable' },
      { robot: 'ops', platform: 'dingtalk', ok: true },
    ]);
    expect(enqueueFailures(relay)).toBe(1);
  });

  it('blocks a robot for every container when DingTalk answers the ping with 130101', async () => {
    relay = await startQueueRelay();
    relay.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: 130101,
      errmsg: 'send too fast, exceed 20 times per minute',
      times: 1,
    });
    const before = Date.now();
    const { body } = await relay.answer(ping());
    expect(body.deliveries).toEqual([
      expect.objectContaining({ robot: 'team', ok: false, errcode: 130101 }),
      { robot: 'ops', platform: 'dingtalk', ok: true },
    ]);
    const pace = await relay.store.readPace(await relay.groupOf('team'));
    expect(pace.blockedUntil).toBeGreaterThanOrEqual(before + 10 * MINUTE);
    expect(pace.lastError).toMatchObject({ reason: 'rate_limit', errcode: 130101 });
    const next = await relay.answer(ping());
    expect((next.body.deliveries as unknown[])[0]).toEqual({
      robot: 'team',
      platform: 'dingtalk',
      queued: true,
    });
  });
});
