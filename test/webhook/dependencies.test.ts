import { createServer } from 'node:net';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, STAGE_PATH, startRelay } from '../helpers/relay-harness';

function pushEvent(secret = GITEE_SECRET, timestamp = Date.now()) {
  return signedGiteeEvent({ body: loadFixture('push-commits'), secret, timestamp });
}

/** A loopback port with nothing listening: connections are refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/robot/send?access_token=token-gone`;
}

describe('webhook handler when a dependency fails', () => {
  it('answers 500 while SSM is down at cold start, then recovers in the same container', async () => {
    const relay = await startRelay();
    try {
      relay.ssm.setDown(true);
      const down = await relay.handler(pushEvent());
      expect(down.statusCode).toBe(500);
      expect(JSON.parse(down.body)).toEqual({ error: 'settings unavailable' });
      relay.ssm.setDown(false);
      const up = await relay.handler(pushEvent());
      expect(JSON.parse(up.body)).toMatchObject({ status: 'delivered' });
    } finally {
      await relay.close();
    }
  });

  it('answers 500 for an invalid config and logs the problem by path', async () => {
    const relay = await startRelay({ config: 'defaults:\n  locale: fr\n' });
    try {
      const answer = await relay.handler(pushEvent());
      expect(answer.statusCode).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ error: 'settings unavailable' });
      expect(relay.logs.join('\n')).toMatch(/defaults\.locale/);
      expect(relay.dingtalk.emulator.received).toEqual([]);
    } finally {
      await relay.close();
    }
  });

  it('answers 502 naming a robot that refuses connections, and still serves the other', async () => {
    const relay = await startRelay();
    try {
      relay.ssm.set(`${STAGE_PATH}/robots/ops/webhook`, await closedPortUrl(), 'SecureString');
      const answer = await relay.handler(pushEvent());
      const body = JSON.parse(answer.body);
      expect(answer.statusCode).toBe(502);
      expect(body.status).toBe('failed');
      expect(body.deliveries[0]).toEqual({ robot: 'team', platform: 'dingtalk', ok: true });
      expect(body.deliveries[1]).toMatchObject({ robot: 'ops', ok: false });
      expect(answer.body).not.toContain('127.0.0.1');
    } finally {
      await relay.close();
    }
  });

  it('answers 502 within the budget when a robot never answers, and still serves the other', async () => {
    const relay = await startRelay({ limits: { deliveryBudgetMs: 1500 } });
    try {
      relay.dingtalk.emulator.setFault('ops', { kind: 'hang' });
      const answer = await relay.handler(pushEvent());
      const body = JSON.parse(answer.body);
      expect(answer.statusCode).toBe(502);
      expect(body.deliveries).toEqual([
        { robot: 'team', platform: 'dingtalk', ok: true },
        {
          robot: 'ops',
          platform: 'dingtalk',
          ok: false,
          error: expect.stringMatching(/^timeout: .*DingTalk/),
        },
      ]);
    } finally {
      await relay.close();
    }
  });

  it('reports errcode 130101 (rate limit) without retrying it', async () => {
    const relay = await startRelay();
    try {
      relay.dingtalk.emulator.setFault('team', {
        kind: 'errcode',
        errcode: 130101,
        errmsg: 'send too fast, exceed 20 times per minute',
        times: 5,
      });
      const body = JSON.parse((await relay.handler(pushEvent())).body);
      expect(body.deliveries[0]).toMatchObject({ robot: 'team', ok: false, errcode: 130101 });
      expect(relay.dingtalk.emulator.received.filter((r) => r.robot === 'team')).toHaveLength(1);
    } finally {
      await relay.close();
    }
  });

  it('retries errcode -1 (system busy) and delivers', async () => {
    const relay = await startRelay();
    try {
      relay.dingtalk.emulator.setFault('team', {
        kind: 'errcode',
        errcode: -1,
        errmsg: '系统繁忙',
        times: 1,
      });
      const answer = await relay.handler(pushEvent());
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'delivered' });
      expect(relay.dingtalk.emulator.received.filter((r) => r.robot === 'team')).toHaveLength(2);
    } finally {
      await relay.close();
    }
  });

  it('reports a missing keyword as 502 with errcode 310000', async () => {
    const relay = await startRelay({
      robots: [{ name: 'team', keywords: ['发布'] }],
      config: 'robots:\n  team:\n    keywords: []\n',
    });
    try {
      const answer = await relay.handler(pushEvent());
      expect(answer.statusCode).toBe(502);
      expect(JSON.parse(answer.body).deliveries[0]).toMatchObject({
        errcode: 310000,
        error: expect.stringMatching(/keyword/),
      });
    } finally {
      await relay.close();
    }
  });
});

describe('secret rotation in SSM', () => {
  it('accepts a rotated Gitee secret on the next request without a redeploy', async () => {
    const relay = await startRelay();
    try {
      expect((await relay.handler(pushEvent())).statusCode).toBe(200);
      relay.ssm.set(`${STAGE_PATH}/gitee/secret`, 'gitee-test-secret-0002', 'SecureString');
      relay.advanceClock(11_000); // settings are re-read at most every 10 s per container
      const rotated = await relay.handler(pushEvent('gitee-test-secret-0002'));
      expect(rotated.statusCode).toBe(200);
      const old = await relay.handler(pushEvent(GITEE_SECRET, Date.now() + 1));
      expect(old.statusCode).toBe(401);
    } finally {
      await relay.close();
    }
  });

  it('accepts both secrets during a rotation (one per line)', async () => {
    const relay = await startRelay({ giteeSecret: `${GITEE_SECRET}\ngitee-test-secret-0002` });
    try {
      expect((await relay.handler(pushEvent())).statusCode).toBe(200);
      expect((await relay.handler(pushEvent('gitee-test-secret-0002'))).statusCode).toBe(200);
    } finally {
      await relay.close();
    }
  });

  it('refuses every delivery while no Gitee secret is configured', async () => {
    const relay = await startRelay({ giteeSecret: null });
    try {
      const answer = await relay.handler(pushEvent());
      expect(answer.statusCode).toBe(401);
      expect(relay.dingtalk.emulator.received).toEqual([]);
    } finally {
      await relay.close();
    }
  });
});
