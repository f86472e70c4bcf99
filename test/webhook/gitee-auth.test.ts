import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createHealthHandler } from '../../lib/health-handler';
import { createJsonLogger } from '../../lib/logger';
import { httpApiEvent, signedGiteeEvent } from '../helpers/api-gateway';
import { giteeHeadersFor, loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;
const HOUR = 3_600_000;
const ROBOTS = 'robots:\n  team:\n    keywords: [Gitee]\n  ops:\n    keywords: [代码]\n';

let clock = Date.now() - 10 * 60_000;
const nextTimestamp = () => (clock += 1000);

/** Password mode as Gitee sends it: the password in clear, in the header and in the body. */
function passwordEvent(
  fixture: string,
  options: { timestamp?: string | null; password?: string } = {},
): APIGatewayProxyEventV2 {
  const body = loadFixture(fixture);
  const password = options.password ?? GITEE_SECRET;
  const timestamp = options.timestamp === undefined ? String(nextTimestamp()) : options.timestamp;
  const headers: Record<string, string> = {
    ...giteeHeadersFor(body),
    'x-gitee-token': password,
  };
  if (timestamp !== null) headers['x-gitee-timestamp'] = timestamp;
  return httpApiEvent({
    headers,
    body: JSON.stringify({ ...body, timestamp: timestamp ?? body.timestamp, password, sign: '' }),
  });
}

function signedEvent(fixture: string): APIGatewayProxyEventV2 {
  return signedGiteeEvent({
    body: loadFixture(fixture),
    secret: GITEE_SECRET,
    timestamp: nextTimestamp(),
  });
}

async function answerOf(relay: Relay, event: APIGatewayProxyEventV2) {
  const answer = await relay.handler(event);
  return { status: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
}

function lastLog(relay: Relay): Record<string, unknown> {
  return JSON.parse(relay.logs.at(-1)!) as Record<string, unknown>;
}

async function withRelay(giteeAuth: string | null, run: (relay: Relay) => Promise<void>) {
  const config = giteeAuth === null ? ROBOTS : `giteeAuth: ${giteeAuth}\n${ROBOTS}`;
  const relay = await startRelay({ config });
  try {
    await run(relay);
  } finally {
    await relay.close();
  }
}

describe('giteeAuth', () => {
  it('sign: refuses a password with 401 and says why in the log only', () =>
    withRelay('sign', async (relay) => {
      const answer = await answerOf(relay, passwordEvent('push-commits'));
      expect(answer).toEqual({ status: 401, body: { error: 'invalid signature' } });
      expect(JSON.stringify(lastLog(relay).problem)).toMatch(/password.*giteeAuth is sign/);
      expect(relay.logs.join('\n')).not.toContain(GITEE_SECRET);
      expect(relay.dingtalk.emulator.received).toEqual([]);
    }));

  it('sign: accepts a signature and answers auth sign', () =>
    withRelay('sign', async (relay) => {
      expect(await answerOf(relay, signedEvent('push-commits'))).toMatchObject({
        status: 200,
        body: { status: 'delivered', auth: 'sign' },
      });
    }));

  it('password: refuses a signature with 401 and says why in the log only', () =>
    withRelay('password', async (relay) => {
      const answer = await answerOf(relay, signedEvent('push-commits'));
      expect(answer).toEqual({ status: 401, body: { error: 'invalid signature' } });
      expect(JSON.stringify(lastLog(relay).problem)).toMatch(/signature.*giteeAuth is password/);
      expect(relay.dingtalk.emulator.received).toEqual([]);
    }));

  it('password: accepts the password and answers auth password', () =>
    withRelay('password', async (relay) => {
      expect(await answerOf(relay, passwordEvent('push-commits'))).toMatchObject({
        status: 200,
        body: { status: 'delivered', auth: 'password' },
      });
    }));

  it('either (the default): accepts both and says which in the answer and the log line', () =>
    withRelay(null, async (relay) => {
      const signed = await answerOf(relay, signedEvent('issue-open'));
      expect(signed).toMatchObject({ status: 200, body: { auth: 'sign' } });
      expect(lastLog(relay)).toMatchObject({ status: 200, auth: 'sign' });
      const password = await answerOf(relay, passwordEvent('issue-open'));
      expect(password).toMatchObject({ status: 200, body: { auth: 'password' } });
      expect(lastLog(relay)).toMatchObject({ status: 200, auth: 'password' });
    }));

  it('either: every 2xx answer says how the delivery was authenticated', () =>
    withRelay(null, async (relay) => {
      const ping = await answerOf(relay, passwordEvent('ping-push_hooks'));
      expect(ping).toMatchObject({ status: 200, body: { status: 'pong', auth: 'password' } });
      const event = signedEvent('note-issue');
      await relay.handler(event);
      expect(await answerOf(relay, event)).toMatchObject({
        status: 202,
        body: { status: 'skipped', reason: 'duplicate delivery', auth: 'sign' },
      });
      expect(lastLog(relay)).toMatchObject({ outcome: 'skipped', auth: 'sign' });
    }));
});

describe('password mode and X-Gitee-Timestamp', () => {
  it.each<[string, number]>([
    ['older than the window', -HOUR - 60_000],
    ['further than the window in the future', HOUR + 60_000],
  ])('refuses a password delivery whose timestamp is %s', (_, offset) =>
    withRelay(null, async (relay) => {
      const event = passwordEvent('push-commits', { timestamp: String(Date.now() + offset) });
      expect(await answerOf(relay, event)).toEqual({
        status: 401,
        body: { error: 'invalid signature' },
      });
      expect(JSON.stringify(lastLog(relay).problem)).toMatch(/stale/);
      expect(relay.dingtalk.emulator.received).toEqual([]);
    }),
  );

  it('refuses a password delivery without X-Gitee-Timestamp, which Gitee always sends', () =>
    withRelay(null, async (relay) => {
      const event = passwordEvent('push-commits', { timestamp: null });
      expect((await answerOf(relay, event)).status).toBe(401);
      expect(JSON.stringify(lastLog(relay).problem)).toMatch(/X-Gitee-Timestamp/);
    }));

  it('refuses the password and timestamp of a captured delivery with another body', () =>
    withRelay(null, async (relay) => {
      const event = passwordEvent('push-commits');
      expect((await answerOf(relay, event)).status).toBe(200);
      relay.dingtalk.emulator.reset();
      const body = { ...(JSON.parse(event.body!) as Record<string, unknown>), hook_id: 99 };
      expect(await answerOf(relay, { ...event, body: JSON.stringify(body) })).toMatchObject({
        status: 202,
        body: { reason: 'replayed signature', auth: 'password' },
      });
      expect(relay.dingtalk.emulator.received).toEqual([]);
    }));
});

describe('health', () => {
  it.each<[string | null, string]>([
    [null, 'either'],
    ['sign', 'sign'],
    ['password', 'password'],
  ])('reports giteeAuth %s as %s', (giteeAuth, expected) =>
    withRelay(giteeAuth, async (relay) => {
      const health = createHealthHandler({
        settings: relay.settings,
        logger: createJsonLogger(() => undefined),
        version: '1.2.3',
      });
      expect(JSON.parse((await health()).body)).toMatchObject({ ok: true, giteeAuth: expected });
    }),
  );
});
