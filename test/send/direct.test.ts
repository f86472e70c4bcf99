import http from 'node:http';
import { startRobotEmulator, type RunningRobotEmulator } from '../../dev/dingtalk-robot';
import { Secret } from '../../lib/crypto/secret';
import { createDirectDeliverer, createKeepAlivePost } from '../../lib/send/direct';
import type { DeliveryJob } from '../../lib/send/types';
import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import type { RobotSettings } from '../../lib/settings/types';
import { dingtalkJob, markdown } from './jobs';

const SECRET = 'SECtest-deliverer-0123456789abcdef';
const now = () => Date.now();
const noSleep = async () => {};

let dingtalk: RunningRobotEmulator;

beforeEach(async () => {
  dingtalk = await startRobotEmulator({
    robots: [
      { name: 'team', accessToken: 'tokentest-team', secret: SECRET, keywords: ['Gitee'] },
      { name: 'ops', accessToken: 'tokentest-ops' },
    ],
  });
});

afterEach(() => dingtalk.close());

function robotSettings(name: string, webhook: string, secret: string | null): RobotSettings {
  return {
    name,
    platform: 'dingtalk',
    webhook: new Secret(webhook),
    secret: secret === null ? null : new Secret(secret),
    keywords: [],
    locale: 'en',
    msgtype: 'markdown',
    timezone: 'Asia/Shanghai',
    maxCommits: 5,
    linkMode: 'dingtalk',
  };
}

const job = (name: string, message = markdown('main')): DeliveryJob =>
  dingtalkJob(robotSettings(name, dingtalk.url(name), name === 'team' ? SECRET : null), message);

const deliverer = createDirectDeliverer({ post: createKeepAlivePost(), now, sleep: noSleep });

describe('createDirectDeliverer', () => {
  it('delivers a signed message the robot accepts', async () => {
    const results = await deliverer.deliver([job('team')], now() + 3000);
    expect(results).toEqual([{ robot: 'team', platform: 'dingtalk', ok: true, attempts: 1 }]);
    expect(dingtalk.emulator.received).toMatchObject([{ robot: 'team', errcode: 0 }]);
  });

  it("passes on a phrase for the robot's errcode, never the errmsg it answered", async () => {
    dingtalk.emulator.setFault('ops', {
      kind: 'errcode',
      errcode: 400105,
      errmsg:
        'Gitee admins: log in at https://evil.example/?access_token=tokentest-stolen SECtestleak0123456789abcdef',
      times: 1,
    });
    const [result] = await deliverer.deliver([job('ops')], now() + 3000);
    expect(result).toEqual({
      robot: 'ops',
      platform: 'dingtalk',
      ok: false,
      reason: 'rejected',
      errcode: 400105,
      error: 'DingTalk does not support this message type (errcode 400105)',
      attempts: 1,
    });
  });

  it('classifies a missing keyword and does not retry it', async () => {
    const message: DingTalkMessage = { msgtype: 'text', text: { content: 'no keyword here' } };
    const [result] = await deliverer.deliver([job('team', message)], now() + 3000);
    expect(result).toEqual({
      robot: 'team',
      platform: 'dingtalk',
      ok: false,
      reason: 'keyword',
      errcode: 310000,
      error: "keyword missing: add one of the robot's custom keywords",
      attempts: 1,
    });
    expect(dingtalk.emulator.received).toHaveLength(1);
  });

  it('retries a busy robot until it accepts', async () => {
    dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: -1,
      errmsg: '系统繁忙',
      times: 2,
    });
    const results = await deliverer.deliver([job('team')], now() + 3000);
    expect(results).toEqual([{ robot: 'team', platform: 'dingtalk', ok: true, attempts: 3 }]);
  });

  it('retries after an HTTP 5xx', async () => {
    dingtalk.emulator.setFault('ops', { kind: 'http', status: 503, times: 1 });
    const results = await deliverer.deliver([job('ops')], now() + 3000);
    expect(results).toEqual([{ robot: 'ops', platform: 'dingtalk', ok: true, attempts: 2 }]);
  });

  it('retries an invalid timestamp only once', async () => {
    const fault = {
      kind: 'errcode',
      errcode: 310000,
      errmsg: 'invalid timestamp',
      times: 5,
    } as const;
    dingtalk.emulator.setFault('team', fault);
    const [result] = await deliverer.deliver([job('team')], now() + 3000);
    expect(result).toMatchObject({ ok: false, reason: 'timestamp', attempts: 2 });
  });

  it('does not retry a rate limit', async () => {
    const fault = { kind: 'errcode', errcode: 130101, errmsg: 'send too fast', times: 5 } as const;
    dingtalk.emulator.setFault('ops', fault);
    const [result] = await deliverer.deliver([job('ops')], now() + 3000);
    expect(result).toMatchObject({ ok: false, reason: 'rate_limit', errcode: 130101, attempts: 1 });
    expect(dingtalk.emulator.received).toHaveLength(1);
  });

  it('reports a network failure when nothing listens on the port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const webhook = `http://127.0.0.1:${port}/robot/send?access_token=tokentest-gone`;
    const gone = dingtalkJob(robotSettings('gone', webhook, SECRET));
    const [result] = await deliverer.deliver([gone], now() + 3000);
    expect(result).toMatchObject({ robot: 'gone', ok: false, reason: 'network', attempts: 3 });
    expect(result?.ok === false && result.error).toBe(
      'network error (ECONNREFUSED): could not reach DingTalk',
    );
  });

  it('settles a robot that never answers as a timeout by the deadline', async () => {
    dingtalk.emulator.setFault('team', { kind: 'hang' });
    const [result] = await deliverer.deliver([job('team')], now() + 1500);
    expect(result).toMatchObject({ robot: 'team', ok: false, reason: 'timeout', attempts: 1 });
  });

  it('still delivers to one robot while another hangs', async () => {
    dingtalk.emulator.setFault('team', { kind: 'hang' });
    const results = await deliverer.deliver([job('team'), job('ops')], now() + 1500);
    expect(results).toMatchObject([
      { robot: 'team', ok: false, reason: 'timeout' },
      { robot: 'ops', platform: 'dingtalk', ok: true, attempts: 1 },
    ]);
  });

  it('refuses a message over 20000 bytes without sending it', async () => {
    const [result] = await deliverer.deliver(
      [job('ops', markdown('x'.repeat(20_000)))],
      now() + 3000,
    );
    expect(result).toMatchObject({ robot: 'ops', ok: false, reason: 'too_long', attempts: 0 });
    expect(dingtalk.emulator.received).toEqual([]);
  });

  it('settles at once without sending when the deadline has passed', async () => {
    const [result] = await deliverer.deliver([job('ops')], now() - 1);
    expect(result).toMatchObject({ ok: false, reason: 'timeout', attempts: 0 });
    expect(dingtalk.emulator.received).toEqual([]);
  });

  it('settles by the deadline even when the transport ignores the abort signal', async () => {
    const stuck = createDirectDeliverer({ post: () => new Promise(() => {}), now });
    const [result] = await stuck.deliver([job('ops')], now() + 200);
    expect(result).toMatchObject({ ok: false, reason: 'timeout', attempts: 1 });
  });

  it('never puts the webhook URL or token in a result', async () => {
    dingtalk.emulator.setFault('ops', { kind: 'http', status: 502, times: 5 });
    const results = await deliverer.deliver([job('team', markdown('x')), job('ops')], now() + 3000);
    expect(JSON.stringify(results)).not.toMatch(/tokentest|127\.0\.0\.1|access_token|sign=/);
  });
});
