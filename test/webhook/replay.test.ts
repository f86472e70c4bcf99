import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;
const MINUTE = 60_000;

/** Timestamps a second apart, so no two deliveries of a test share a signature by accident. */
let clock = Date.now() - 10 * MINUTE;
const nextTimestamp = () => (clock += 1000);

/** A real delivery as Gitee signed it, captured by whoever could read its headers. */
function captured(fixture = 'push-commits'): APIGatewayProxyEventV2 {
  return signedGiteeEvent({
    body: loadFixture(fixture),
    secret: GITEE_SECRET,
    timestamp: nextTimestamp(),
  });
}

/** The captured headers carrying another body. */
function withBody(event: APIGatewayProxyEventV2, body: Record<string, unknown>) {
  return { ...event, body: JSON.stringify(body) };
}

function changedField(event: APIGatewayProxyEventV2, field: string, value: unknown) {
  return withBody(event, {
    ...(JSON.parse(event.body!) as Record<string, unknown>),
    [field]: value,
  });
}

async function answerOf(relay: Relay, event: APIGatewayProxyEventV2) {
  const answer = await relay.handler(event);
  return { status: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
}

describe('one delivery per signature', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay();
  });
  afterAll(() => relay.close());
  beforeEach(() => relay.dingtalk.emulator.reset());

  it('answers the same delivery sent again 202 duplicate delivery and sends it once', async () => {
    const event = captured();
    expect((await answerOf(relay, event)).status).toBe(200);
    expect(await answerOf(relay, event)).toMatchObject({
      status: 202,
      body: { status: 'skipped', reason: 'duplicate delivery' },
    });
    expect(relay.dingtalk.emulator.received).toHaveLength(2); // one message to each robot
  });

  it.each<[string, unknown]>([
    ['hook_id', 424242],
    ['timestamp', '1700000000000'],
    ['ref', 'refs/heads/attacker'],
    ['hook_name', 'tag_push_hooks'],
  ])(
    'refuses a captured signature whose body has another %s as replayed signature',
    async (field, value) => {
      const event = captured();
      expect((await answerOf(relay, event)).status).toBe(200);
      relay.dingtalk.emulator.reset();
      expect(await answerOf(relay, changedField(event, field, value))).toMatchObject({
        status: 202,
        body: { status: 'skipped', reason: 'replayed signature' },
      });
      expect(relay.dingtalk.emulator.received).toEqual([]);
    },
  );

  it('refuses a captured signature carrying another real event', async () => {
    const event = captured('push-commits');
    await relay.handler(event);
    relay.dingtalk.emulator.reset();
    const replay = withBody(event, loadFixture('issue-open'));
    expect(await answerOf(relay, replay)).toMatchObject({
      status: 202,
      body: { status: 'skipped', reason: 'replayed signature', event: 'issue' },
    });
    expect(relay.dingtalk.emulator.received).toEqual([]);
  });

  it('refuses a captured signature sent again URL-encoded', async () => {
    const event = captured();
    await relay.handler(event);
    relay.dingtalk.emulator.reset();
    const token = event.headers['x-gitee-token']!;
    expect(token).toMatch(/[+/=]/); // the encoded form differs from the one Gitee sent
    const encoded = {
      ...event,
      headers: { ...event.headers, 'x-gitee-token': encodeURIComponent(token) },
    };
    expect(await answerOf(relay, changedField(encoded, 'hook_id', 1))).toMatchObject({
      status: 202,
      body: { reason: 'replayed signature' },
    });
    expect(relay.dingtalk.emulator.received).toEqual([]);
  });

  it('still refuses a replay ten minutes later, within the timestamp window', async () => {
    const event = captured();
    await relay.handler(event);
    relay.dingtalk.emulator.reset();
    relay.advanceClock(10 * MINUTE);
    expect(await answerOf(relay, changedField(event, 'hook_id', 7))).toMatchObject({
      status: 202,
      body: { reason: 'replayed signature' },
    });
    expect(await answerOf(relay, event)).toMatchObject({ body: { reason: 'duplicate delivery' } });
    expect(relay.dingtalk.emulator.received).toEqual([]);
  });

  it('uses up the signature of a delivery it could not read', async () => {
    const event = captured();
    const unknownHook = changedField(event, 'hook_name', 'pipeline_hooks');
    const refused = await answerOf(relay, {
      ...unknownHook,
      headers: { ...unknownHook.headers, 'x-gitee-event': 'Pipeline Hook' },
    });
    expect(refused.status).toBe(400);
    expect(await answerOf(relay, event)).toMatchObject({
      status: 202,
      body: { reason: 'replayed signature' },
    });
    expect(relay.dingtalk.emulator.received).toEqual([]);
  });

  it('delivers two real events signed at different timestamps', async () => {
    expect((await answerOf(relay, captured('push-commits'))).status).toBe(200);
    expect((await answerOf(relay, captured('push-commits'))).status).toBe(200);
    expect(relay.dingtalk.emulator.received).toHaveLength(4);
  });

  it('answers a repeated Test click pong with a note, sending the connected message once', async () => {
    const ping = captured('ping-push_hooks');
    expect(await answerOf(relay, ping)).toMatchObject({ status: 200, body: { status: 'pong' } });
    const sent = relay.dingtalk.emulator.received.length;
    expect(await answerOf(relay, ping)).toMatchObject({
      status: 200,
      body: { status: 'pong', deliveries: [], note: 'duplicate delivery' },
    });
    expect(relay.dingtalk.emulator.received).toHaveLength(sent);
  });
});
