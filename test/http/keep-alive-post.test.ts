import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRobotEmulator, type RobotEmulator } from '../../dev/dingtalk-robot';
import { Secret } from '../../lib/crypto/secret';
import { dingtalk } from '../../lib/platforms/dingtalk';
import { createDirectDeliverer, createKeepAlivePost } from '../../lib/send/direct';
import type { DeliveryJob } from '../../lib/send/types';
import type { RobotSettings } from '../../lib/settings/types';

const SECRET = 'SECtest-keepalive-0123456789abcdef';
const now = () => Date.now();

let emulator: RobotEmulator;
let server: http.Server;
let connections: number;
let base: string;

beforeEach(async () => {
  emulator = createRobotEmulator({
    robots: [{ name: 'team', accessToken: 'tokentest-team', secret: SECRET, keywords: ['Gitee'] }],
  });
  connections = 0;
  server = http.createServer((req, res) => emulator.handle(req, res));
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  emulator.reset();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function job(webhook: string): DeliveryJob {
  const robot: RobotSettings = {
    name: 'team',
    platform: 'dingtalk',
    webhook: new Secret(webhook),
    secret: new Secret(SECRET),
    keywords: ['Gitee'],
    locale: 'en',
    msgtype: 'markdown',
    timezone: 'Asia/Shanghai',
    maxCommits: 5,
    linkMode: 'dingtalk',
  };
  return {
    robot,
    platform: dingtalk,
    message: { msgtype: 'markdown', markdown: { title: 'Gitee', text: 'Gitee push' } },
  };
}

const teamUrl = () => `${base}/robot/send?access_token=tokentest-team`;

describe('createKeepAlivePost through the direct deliverer', () => {
  it('delivers signed messages over one kept-alive connection', async () => {
    const deliverer = createDirectDeliverer({ post: createKeepAlivePost(), now });
    for (let i = 0; i < 3; i += 1) {
      expect(await deliverer.deliver([job(teamUrl())], now() + 3000)).toEqual([
        { robot: 'team', platform: 'dingtalk', ok: true, attempts: 1 },
      ]);
    }
    expect(emulator.received.map((message) => message.errcode)).toEqual([0, 0, 0]);
    expect(connections).toBe(1);
  });

  it('classifies a robot error answer from the body', async () => {
    emulator.setFault('team', {
      kind: 'errcode',
      errcode: 130101,
      errmsg: 'send too fast',
      times: 1,
    });
    const deliverer = createDirectDeliverer({ post: createKeepAlivePost(), now });
    const [result] = await deliverer.deliver([job(teamUrl())], now() + 3000);
    expect(result).toMatchObject({ ok: false, reason: 'rate_limit', errcode: 130101, attempts: 1 });
  });

  it('reports the error code of a refused connection as a network failure', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(),
      now,
      sleep: async () => {},
    });
    const url = `http://127.0.0.1:${port}/robot/send?access_token=gone`;
    const [result] = await deliverer.deliver([job(url)], now() + 3000);
    expect(result).toMatchObject({ ok: false, reason: 'network', attempts: 3 });
    expect(result?.ok === false && result.error).toContain('ECONNREFUSED');
  });

  it('reports a webhook on a forbidden address as a failed delivery, without retrying it', async () => {
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(),
      now,
      sleep: async () => {},
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://0.0.0.0:${port}/robot/send?access_token=tokentest-team`;
    const [result] = await deliverer.deliver([job(url)], now() + 3000);
    expect(result).toEqual({
      robot: 'team',
      platform: 'dingtalk',
      ok: false,
      reason: 'network',
      error:
        "not sent (ERR_FORBIDDEN_ADDRESS): the robot's webhook host is, or resolves to, a link-local or metadata address",
      attempts: 1,
    });
    expect(connections).toBe(0);
    expect(emulator.received).toEqual([]);
  });

  it('aborts a robot that never answers when its attempt times out', async () => {
    emulator.setFault('team', { kind: 'hang' });
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(),
      now,
      attemptTimeoutMs: 200,
      maxAttempts: 1,
    });
    const [result] = await deliverer.deliver([job(teamUrl())], now() + 3000);
    expect(result).toMatchObject({ ok: false, reason: 'timeout', attempts: 1 });
    expect(result?.ok === false && result.error).toContain('within 200 ms');
  });

  it('does not follow a redirect (DingTalk throttling answers 302)', async () => {
    const redirecting = http.createServer((req, res) => {
      req.resume();
      res.writeHead(302, { location: `${base}/robot/send?access_token=tokentest-team` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirecting.address() as AddressInfo;
      const deliverer = createDirectDeliverer({ post: createKeepAlivePost(), now });
      const url = `http://127.0.0.1:${port}/robot/send?access_token=tokentest-team`;
      const [result] = await deliverer.deliver([job(url)], now() + 3000);
      expect(result).toMatchObject({ ok: false, reason: 'rate_limit', attempts: 1 });
      expect(emulator.received).toEqual([]);
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});
