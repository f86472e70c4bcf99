import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { GITEE_SECRET, startRelay } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;

describe('webhook handler with every real Gitee payload', () => {
  let relay: Relay;
  beforeAll(async () => {
    // One event per fixture to the same two robots within seconds: more than DingTalk's 20 a
    // minute, so local pacing is off here (test/send/throttle.test.ts covers it).
    relay = await startRelay({ rateLimits: () => null });
  });
  afterAll(() => relay.close());
  beforeEach(() => relay.dingtalk.emulator.reset());

  it.each(fixtureNames())('answers 200 to %s and each robot accepts one message', async (name) => {
    const body = loadFixture(name);
    const event = signedGiteeEvent({
      body,
      secret: GITEE_SECRET,
    });
    const answer = await relay.handler(event);
    const parsed = JSON.parse(answer.body);
    expect(answer.statusCode).toBe(200);
    expect(parsed.status).toBe(name.startsWith('ping') ? 'pong' : 'delivered');
    expect(parsed.deliveries).toEqual([
      { robot: 'team', platform: 'dingtalk', ok: true },
      { robot: 'ops', platform: 'dingtalk', ok: true },
    ]);
    const received = relay.dingtalk.emulator.received;
    expect(received.map((r) => [r.robot, r.errcode])).toEqual([
      ['team', 0],
      ['ops', 0],
    ]);
  });
});
