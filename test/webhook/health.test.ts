import { createHealthHandler } from '../../lib/health-handler';
import { createJsonLogger } from '../../lib/logger';
import { signTimestamp } from '../../lib/crypto/hmac';
import { httpApiEvent, signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture, readFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay } from '../helpers/relay-harness';

describe('health handler', () => {
  it('lists the robots by name, and nothing secret', async () => {
    const relay = await startRelay();
    try {
      const health = createHealthHandler({
        settings: relay.settings,
        logger: createJsonLogger(() => undefined),
        version: '1.2.3',
      });
      const answer = await health();
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        ok: true,
        version: '1.2.3',
        deliveryMode: 'direct',
        robots: ['team', 'ops'],
        platforms: { team: 'dingtalk', ops: 'dingtalk' },
        giteeSecretConfigured: true,
        giteeAuth: 'either',
        templatesValid: true,
      });
      expect(answer.body).not.toMatch(/SEC|token|secret-0001|127\.0\.0\.1/);
    } finally {
      await relay.close();
    }
  });

  it('answers 503 when settings cannot load, and logs why without values', async () => {
    const relay = await startRelay();
    const logs: string[] = [];
    try {
      relay.ssm.setDown(true);
      const health = createHealthHandler({
        settings: relay.settings,
        logger: createJsonLogger((line) => logs.push(line)),
        version: '1.2.3',
      });
      const answer = await health();
      expect(answer.statusCode).toBe(503);
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        version: '1.2.3',
        error: 'settings unavailable',
      });
      expect(logs.join('\n')).toMatch(/settings unavailable/);
    } finally {
      await relay.close();
    }
  });
});

describe('settings refresh on a failed signature', () => {
  it('re-reads SSM at most once per 10 seconds however many forged requests arrive', async () => {
    const relay = await startRelay();
    try {
      const reads = () =>
        relay.ssm.calls.filter((call) => call.op === 'GetParametersByPath').length;
      const forged = () => {
        const ts = String(Date.now());
        return httpApiEvent({
          headers: {
            'x-gitee-event': 'Push Hook',
            'x-gitee-timestamp': ts,
            'x-gitee-token': signTimestamp(ts, 'SECtest-attacker'),
          },
          body: readFixture('push-commits'),
        });
      };
      for (let i = 0; i < 5; i += 1) expect((await relay.handler(forged())).statusCode).toBe(401);
      const afterBurst = reads();
      relay.advanceClock(11_000);
      expect((await relay.handler(forged())).statusCode).toBe(401);
      expect(afterBurst).toBe(1); // the cold-start read; the forged burst was throttled
      expect(reads()).toBe(afterBurst + 1);
    } finally {
      await relay.close();
    }
  });
});

describe("Gitee's Test button", () => {
  it('answers pong with a note when no robot is configured yet', async () => {
    const relay = await startRelay({ robots: [], config: '{}' });
    try {
      const body = loadFixture('ping-push_hooks');
      const event = signedGiteeEvent({
        body,
        secret: GITEE_SECRET,
      });
      const answer = await relay.handler(event);
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        status: 'pong',
        event: 'ping',
        repository: 'gy2006/flow-test',
        auth: 'sign',
        deliveries: [],
        note: 'no robot is configured',
      });
    } finally {
      await relay.close();
    }
  });
});
