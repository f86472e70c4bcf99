import type { FeishuMessage } from '../../lib/platforms/feishu';
import type { WecomMessage } from '../../lib/platforms/wecom';
import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, STAGE_PATH, startRelay, type TestRobot } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;

const FEISHU_SECRET = 'SECtest-feishu-lark-0123456789abcdef';
const ROBOTS: TestRobot[] = [
  { name: 'team', secret: 'SECtest-team-0123456789abcdef', keywords: ['Gitee'] },
  { name: 'lark', platform: 'feishu', secret: FEISHU_SECRET, keywords: ['Gitee'] },
  { name: 'wework', platform: 'wecom' },
];

// The plain phrases each platform's code is reported with (the contract: never its errmsg).
const PHRASES = {
  dingtalkKeyword: "keyword missing: add one of the robot's custom keywords",
  feishuSignature:
    "signature rejected: the bot's signing secret does not match, the bot signs but no secret is configured here, or the clock is more than an hour off",
  wecomToken: 'robot not found: the webhook key is wrong, or the robot was removed from its group',
};

const REPOSITORY = 'https://gitee.com/kit101/drone-yml-test';

function settingsReads(relay: Relay): number {
  return relay.ssm.calls.filter((call) => call.op === 'GetParametersByPath').length;
}

async function send(relay: Relay, body = loadFixture('push-commits')) {
  const answer = await relay.handler(signedGiteeEvent({ body, secret: GITEE_SECRET }));
  return { status: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
}

/** The settings read at cold start, then time for the 10 s refresh throttle to pass. */
async function warm(relay: Relay): Promise<void> {
  await relay.settings.get();
  relay.advanceClock(11_000);
}

describe('one settings file with a DingTalk, a Feishu and a WeCom robot', () => {
  let relay: Relay;
  beforeEach(async () => {
    relay = await startRelay({ robots: ROBOTS });
  });
  afterEach(() => relay.close());

  it('sends one event to all three, each in its own form, and each accepts it', async () => {
    const result = await send(relay);

    expect(result).toEqual({
      status: 200,
      body: expect.objectContaining({
        status: 'delivered',
        deliveries: [
          { robot: 'team', platform: 'dingtalk', ok: true },
          { robot: 'lark', platform: 'feishu', ok: true },
          { robot: 'wework', platform: 'wecom', ok: true },
        ],
      }),
    });
    const [dingtalk] = relay.dingtalk.emulator.received;
    const [feishu] = relay.feishu.messages;
    const [wecom] = relay.wecom.messages;
    // Each emulator checks what its platform checks: DingTalk's URL signature and keyword,
    // Feishu's body signature and keyword in visible text, WeCom's msgtype and byte limits.
    expect([dingtalk?.errcode, feishu?.errcode, wecom?.errcode]).toEqual([0, 0, 0]);
    expect([dingtalk?.msgtype, feishu?.msgtype, wecom?.msgtype]).toEqual([
      'markdown',
      'interactive',
      'markdown',
    ]);
    const dingtalkText = (dingtalk!.message as DingTalkMessage & { msgtype: 'markdown' }).markdown
      .text;
    const feishuCard = feishu!.message as FeishuMessage & { msg_type: 'interactive' };
    const wecomText = (wecom!.message as WecomMessage & { msgtype: 'markdown' }).markdown.content;
    for (const shown of [dingtalkText, JSON.stringify(feishuCard.card), wecomText]) {
      expect(shown).toContain('drone-yml-test');
      expect(shown).toContain('feat-2-1');
      expect(shown).toContain(REPOSITORY);
    }
    expect(feishuCard.card.header.title.content).toContain('drone-yml-test');
  });

  it('refreshes a Feishu robot answering 19021 once from SSM, then reports it', async () => {
    relay.ssm.set(
      `${STAGE_PATH}/robots/lark/secret`,
      'SECtest-feishu-stale-secret',
      'SecureString',
    );
    await warm(relay);
    const readsBefore = settingsReads(relay);

    const result = await send(relay);

    expect(result.status).toBe(502);
    expect(result.body.deliveries).toEqual([
      { robot: 'team', platform: 'dingtalk', ok: true },
      {
        robot: 'lark',
        platform: 'feishu',
        ok: false,
        errcode: 19021,
        error: PHRASES.feishuSignature,
      },
      { robot: 'wework', platform: 'wecom', ok: true },
    ]);
    expect(settingsReads(relay)).toBe(readsBefore + 1);
    expect(relay.feishu.messages.map((message) => message.errcode)).toEqual([19021]);
  });

  it('retries a Feishu robot with the secret just rotated in SSM, signed in the body anew', async () => {
    relay.ssm.set(
      `${STAGE_PATH}/robots/lark/secret`,
      'SECtest-feishu-stale-secret',
      'SecureString',
    );
    await warm(relay);
    relay.ssm.set(`${STAGE_PATH}/robots/lark/secret`, FEISHU_SECRET, 'SecureString');

    const result = await send(relay);

    expect(result.status).toBe(200);
    expect(relay.feishu.messages.map((message) => message.errcode)).toEqual([19021, 0]);
  });

  it('answers 502 naming each robot, its platform, its code and the plain reason', async () => {
    relay.dingtalk.emulator.setRobots([
      { name: 'team', accessToken: 'token-team', secret: ROBOTS[0]!.secret, keywords: ['发布'] },
    ]);
    relay.ssm.set(
      `${STAGE_PATH}/robots/lark/secret`,
      'SECtest-feishu-stale-secret',
      'SecureString',
    );
    relay.wecom.emulator.setRobots([]);

    const result = await send(relay);

    expect(result).toEqual({
      status: 502,
      body: expect.objectContaining({
        status: 'failed',
        deliveries: [
          {
            robot: 'team',
            platform: 'dingtalk',
            ok: false,
            errcode: 310000,
            error: PHRASES.dingtalkKeyword,
          },
          {
            robot: 'lark',
            platform: 'feishu',
            ok: false,
            errcode: 19021,
            error: PHRASES.feishuSignature,
          },
          {
            robot: 'wework',
            platform: 'wecom',
            ok: false,
            errcode: 93000,
            error: PHRASES.wecomToken,
          },
        ],
      }),
    });
    expect(JSON.stringify(result.body)).not.toMatch(/SECtest|tokentest|keytest|127\.0\.0\.1/);
  });
});

describe('a WeCom robot sent 21 events in a minute', () => {
  it('is sent 20 and the 21st is held back here, before WeCom would refuse it', async () => {
    const relay = await startRelay({ robots: [{ name: 'wework', platform: 'wecom' }] });
    try {
      const answers = [];
      for (let i = 0; i < 21; i += 1) answers.push(await send(relay));

      expect(answers.slice(0, 20).every((answer) => answer.status === 200)).toBe(true);
      expect(answers[20]).toEqual({
        status: 502,
        body: expect.objectContaining({
          deliveries: [
            {
              robot: 'wework',
              platform: 'wecom',
              ok: false,
              error:
                "not sent: 20 messages went to this robot in the last minute, WeCom's limit; one more would block it for a minute",
            },
          ],
        }),
      });
      expect(relay.wecom.messages).toHaveLength(20);
      expect(relay.wecom.messages.every((message) => message.errcode === 0)).toBe(true);
    } finally {
      await relay.close();
    }
  });
});
