import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { DEFAULT_ROBOTS, GITEE_SECRET, STAGE_PATH, startRelay } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;

const ROTATED_SECRET = 'SECtest-team-rotated-fedcba9876543210';

/** The robots as DingTalk now knows them: team signs with the rotated secret. */
const rotatedRobots = DEFAULT_ROBOTS.map((robot) => ({
  ...robot,
  accessToken: `token-${robot.name}`,
  ...(robot.name === 'team' ? { secret: ROTATED_SECRET } : {}),
}));

/** Only the team robot is routed, so the answer and the log are about one robot. */
const TEAM_ONLY = `
robots:
  team:
    keywords: [Gitee]
  ops:
    keywords: [代码]
routes:
  - robots: [team]
`;

function settingsReads(relay: Relay): number {
  return relay.ssm.calls.filter((call) => call.op === 'GetParametersByPath').length;
}

/** The `deliveries` of the relay's last log line, where the attempts are counted. */
function loggedDeliveries(relay: Relay): unknown {
  const last = JSON.parse(relay.logs[relay.logs.length - 1]!) as { deliveries?: unknown };
  return last.deliveries;
}

async function sendPush(relay: Relay) {
  const answer = await relay.handler(
    signedGiteeEvent({ body: loadFixture('push-commits'), secret: GITEE_SECRET }),
  );
  return { status: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
}

/**
 * ARCHITECTURE's robot-side refresh: when DingTalk says the signature or token is wrong, the
 * robot's secret or webhook may just have been rotated in SSM, so the relay re-reads its
 * settings and sends once more, signed with what it read.
 */
describe('a robot secret rotated in SSM while the relay holds the old one', () => {
  let relay: Relay;
  beforeEach(async () => {
    relay = await startRelay({ config: TEAM_ONLY });
    // The container's cold-start read, then time for the 10 s refresh throttle to pass.
    await relay.settings.get();
    relay.advanceClock(11_000);
    relay.dingtalk.emulator.setRobots(rotatedRobots);
  });
  afterEach(() => relay.close());

  it('re-reads SSM after "sign not match" and the retry signed with the new secret is accepted', async () => {
    relay.ssm.set(`${STAGE_PATH}/robots/team/secret`, ROTATED_SECRET, 'SecureString');
    const readsBefore = settingsReads(relay);

    const result = await sendPush(relay);

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'delivered',
      deliveries: [{ robot: 'team', platform: 'dingtalk', ok: true }],
    });
    // 310000 with the emulator's (DingTalk's 2023+) wording of "sign not match", then accepted.
    expect(relay.dingtalk.emulator.received.map((r) => [r.robot, r.errcode])).toEqual([
      ['team', 310000],
      ['team', 0],
    ]);
    expect(relay.dingtalk.emulator.received[0]!.errmsg).toMatch(/签名不匹配/);
    expect(settingsReads(relay)).toBe(readsBefore + 1);
    expect(loggedDeliveries(relay)).toEqual([
      { robot: 'team', platform: 'dingtalk', ok: true, attempts: 2 },
    ]);
  });

  it('does not retry when SSM still holds the same secret, and reports the mismatch', async () => {
    const readsBefore = settingsReads(relay);

    const result = await sendPush(relay);

    expect(result.status).toBe(502);
    expect(result.body).toMatchObject({
      status: 'failed',
      deliveries: [{ robot: 'team', platform: 'dingtalk', ok: false, errcode: 310000 }],
    });
    expect(relay.dingtalk.emulator.received.map((r) => [r.robot, r.errcode])).toEqual([
      ['team', 310000],
    ]);
    expect(settingsReads(relay)).toBe(readsBefore + 1);
    expect(loggedDeliveries(relay)).toEqual([
      expect.objectContaining({ robot: 'team', ok: false, reason: 'signature', attempts: 1 }),
    ]);
  });
});
