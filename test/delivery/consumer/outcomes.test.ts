import type { SQSRecord } from 'aws-lambda';
import { startConsumer, type ConsumerHarness, type HarnessRobot } from './harness';
import { sqsEvent } from './sqs-records';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ROBOTS: HarnessRobot[] = [
  { name: 'team', secret: 'SECtest-team-0123456789abcdef', keywords: ['Gitee'] },
  { name: 'fs', platform: 'feishu', secret: 'fstest-secret-0001', keywords: ['Gitee'] },
  { name: 'wc', platform: 'wecom' },
];

let h: ConsumerHarness;
beforeEach(async () => {
  h = await startConsumer({ robots: ROBOTS });
});
afterEach(() => h.close());

async function sendOne(robot = 'team'): Promise<{ key: string; record: SQSRecord }> {
  const body = await h.body(robot);
  const record = await h.record(body);
  const answer = await h.handler(sqsEvent([record]));
  expect(answer.batchItemFailures).toEqual([]);
  return { key: body.key, record };
}

describe('deliver handler: a rate limit blocks the robot everywhere, then its event follows', () => {
  it.each([
    ['DingTalk 130101', 'team', 10 * 60_000],
    ['DingTalk 410100', 'team', 10 * 60_000],
    ["DingTalk's WAF 302", 'team', 10 * 60_000],
    ['WeCom 45009', 'wc', 60_000],
    ['Feishu 9499 too many request', 'fs', 60_000],
    ['Feishu 11232', 'fs', 60_000],
  ])('%s', async (name, robot, blockMs) => {
    const fault = {
      'DingTalk 130101': () =>
        h.dingtalk.emulator.setFault(robot, {
          kind: 'errcode',
          errcode: 130101,
          errmsg: 'send too fast',
          times: 1,
        }),
      'DingTalk 410100': () =>
        h.dingtalk.emulator.setFault(robot, {
          kind: 'errcode',
          errcode: 410100,
          errmsg: 'frequency',
          times: 1,
        }),
      "DingTalk's WAF 302": () =>
        h.dingtalk.emulator.setFault(robot, { kind: 'http', status: 302, times: 1 }),
      'WeCom 45009': () =>
        h.wecom.emulator.setFault(robot, {
          kind: 'errcode',
          errcode: 45009,
          errmsg: 'api freq out of limit',
          times: 1,
        }),
      'Feishu 9499 too many request': () =>
        h.feishu.emulator.setFault(robot, {
          kind: 'code',
          httpStatus: 400,
          code: 9499,
          msg: 'too many request',
          times: 1,
        }),
      'Feishu 11232': () =>
        h.feishu.emulator.setFault(robot, {
          kind: 'code',
          code: 11232,
          msg: 'frequency limited',
          times: 1,
        }),
    }[name]!;
    fault();
    const start = h.now();
    const group = await h.group(robot);

    const { key } = await sendOne(robot);

    expect(h.outcomes.at(-1)).toMatchObject({
      fate: 'deferred',
      keys: [key],
      reason: 'rate_limit',
      until: start + blockMs,
    });
    const pace = await h.store.readPace(group);
    expect(pace.blockedUntil).toBe(start + blockMs);
    expect(pace.lastError).toMatchObject({ reason: 'rate_limit', at: start });
    expect(await h.store.listPending(group, 5)).toHaveLength(1);

    // The token waits out the block in the queue: reported failed, visible again at its end.
    const token = h.tokenRecord();
    expect(await h.handler(sqsEvent([token]))).toEqual({
      batchItemFailures: [{ itemIdentifier: token.messageId }],
    });
    expect(h.queues.visibility.at(-1)).toEqual({
      receiptHandle: token.receiptHandle,
      seconds: blockMs / 1000,
    });
    const sentBefore = h.received(pace.robot === 'team' ? 'dingtalk' : h.outcomes[0]!.platform!);

    h.clock.advance(blockMs);
    const again = h.tokenRecord({ receiveCount: 2, messageId: token.messageId });
    expect(await h.handler(sqsEvent([again]))).toEqual({ batchItemFailures: [] });
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'sent', keys: [key] });
    expect(sentBefore.filter((m) => m.errcode === 0)).toHaveLength(1);
    expect(await h.store.readPace(group)).toMatchObject({
      pendingCount: 0,
      flushTokenAt: null,
      failures: 0,
      lastSuccessAt: start + blockMs,
    });
  });
});

describe('deliver handler: transient failures back off, from the pace item', () => {
  it.each([
    ['DingTalk busy (-1)', { kind: 'errcode', errcode: -1, errmsg: 'system busy', times: 1 }],
    ['HTTP 500', { kind: 'http', status: 500, times: 1 }],
    ['HTTP 404 (other HTTP)', { kind: 'http', status: 404, times: 1 }],
  ] as const)('%s: stored, retried after 10 s, then sent', async (_name, fault) => {
    h.dingtalk.emulator.setFault('team', fault);
    const start = h.now();
    const group = await h.group('team');

    const { key } = await sendOne();

    expect(h.outcomes.at(-1)).toMatchObject({
      fate: 'deferred',
      keys: [key],
      until: start + 10_000,
    });
    expect(await h.store.readPace(group)).toMatchObject({ failures: 1, pendingCount: 1 });

    const token = h.tokenRecord();
    expect((await h.handler(sqsEvent([token]))).batchItemFailures).toHaveLength(1);
    const seconds = h.queues.visibility.at(-1)!.seconds;
    expect(seconds).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThanOrEqual(13);

    h.clock.advance(seconds * 1000);
    const again = h.tokenRecord({ receiveCount: 2 });
    expect((await h.handler(sqsEvent([again]))).batchItemFailures).toEqual([]);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'sent', keys: [key] });
    expect(await h.store.readPace(group)).toMatchObject({ failures: 0, pendingCount: 0 });
  });

  it('doubles the wait with each failed try of the backlog, never sending early', async () => {
    h.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: -1,
      errmsg: 'system busy',
      times: 3,
    });
    await sendOne();
    const waits: number[] = [];
    for (let receive = 1; receive <= 3; receive++) {
      // A token handled before its backoff is over sends nothing and waits the rest.
      const early = h.tokenRecord({ receiveCount: receive });
      const requests = h.received().length;
      await h.handler(sqsEvent([early]));
      const wait = h.queues.visibility.at(-1)!.seconds;
      if (receive > 1) expect(h.received()).toHaveLength(requests);
      h.clock.advance(wait * 1000);
      const due = h.tokenRecord({ receiveCount: receive + 1 });
      await h.handler(sqsEvent([due]));
      waits.push(h.queues.visibility.at(-1)?.seconds ?? 0);
    }
    // 10 s, 20 s, 40 s, 80 s (with up to a quarter more of jitter) after tries 1–4.
    expect(waits[0]).toBeGreaterThanOrEqual(20);
    expect(waits[1]).toBeGreaterThanOrEqual(40);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'sent' });
  });

  it('backs off a network failure that a quick reconnect did not cure', async () => {
    await h.close();
    // sendToRobot reconnects once at once (the request never got an answer); then the queue.
    let failures = 2;
    h = await startConsumer({
      robots: ROBOTS,
      post: (real) => (url, body, signal) => {
        if (failures-- > 0) {
          return Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        }
        return real(url, body, signal);
      },
    });
    const { key } = await sendOne();
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'deferred', reason: 'network', keys: [key] });
    expect((await h.store.readPace(await h.group('team'))).failures).toBe(1);
  });

  it('re-signs a stale timestamp once and sends', async () => {
    h.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: 310000,
      errmsg: 'invalid timestamp',
      times: 1,
    });
    const { key } = await sendOne();
    expect(h.received().map((m) => m.errcode)).toEqual([310000, 0]);
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'sent', keys: [key] });
  });

  it('backs off a timestamp refused twice', async () => {
    h.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: 310000,
      errmsg: 'invalid timestamp',
      times: 2,
    });
    await sendOne();
    expect(h.outcomes.at(-1)).toMatchObject({ fate: 'deferred', reason: 'timestamp' });
  });
});
