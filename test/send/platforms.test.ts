import http from 'node:http';
import { startFeishuBot, type RunningFeishuBot } from '../../dev/fakes/feishu-bot';
import { startWecomRobot, type RunningWecomRobot } from '../../dev/fakes/wecom-robot';
import { Secret } from '../../lib/crypto/secret';
import type { PlatformName } from '../../lib/platforms/chat-platform';
import { feishu, type FeishuMessage } from '../../lib/platforms/feishu';
import { wecom, type WecomMessage } from '../../lib/platforms/wecom';
import { createDirectDeliverer, createKeepAlivePost } from '../../lib/send/direct';
import { deliveryJob } from '../../lib/send/types';
import type { RobotSettings } from '../../lib/settings/types';

const FEISHU_SECRET = 'SECtest-feishu-sender-0123456789';
const now = () => Date.now();

let feishuBots: RunningFeishuBot;
let wecomRobots: RunningWecomRobot;

beforeEach(async () => {
  feishuBots = await startFeishuBot({
    bots: [{ name: 'lark', token: 'tokentest-lark', secret: FEISHU_SECRET, keywords: ['Gitee'] }],
  });
  wecomRobots = await startWecomRobot({ robots: [{ name: 'wework', key: 'keytest-wework' }] });
});

afterEach(() => Promise.all([feishuBots.close(), wecomRobots.close()]));

function robot(
  name: string,
  platform: PlatformName,
  webhook: string,
  secret: string | null,
): RobotSettings {
  return {
    name,
    platform,
    webhook: new Secret(webhook),
    secret: secret === null ? null : new Secret(secret),
    keywords: [],
    locale: 'en',
    msgtype: 'text',
    timezone: 'Asia/Shanghai',
    maxCommits: 5,
    linkMode: 'dingtalk',
  };
}

const feishuText = (text: string): FeishuMessage => ({ msg_type: 'text', content: { text } });
const wecomMarkdown = (content: string): WecomMessage => ({
  msgtype: 'markdown',
  markdown: { content },
});

const larkJob = (secret = FEISHU_SECRET, message = feishuText('Gitee push to main')) =>
  deliveryJob(robot('lark', 'feishu', feishuBots.url('lark'), secret), feishu, message);
const weworkJob = (message = wecomMarkdown('### Gitee push to main')) =>
  deliveryJob(robot('wework', 'wecom', wecomRobots.url('wework'), null), wecom, message);

/** A deliverer whose waits are recorded and skipped, so a test can see each pause asked for. */
function recordingDeliverer(clock: () => number = now) {
  const pauses: number[] = [];
  const deliverer = createDirectDeliverer({
    post: createKeepAlivePost(),
    now: clock,
    sleep: async (ms) => {
      pauses.push(ms);
    },
  });
  return { deliverer, pauses };
}

describe('the shared sender on Feishu and WeCom', () => {
  it('signs a Feishu message in its body, afresh for every attempt', async () => {
    // Each reading of the clock a second later, so two attempts cannot share a timestamp.
    let clock = Date.now();
    const { deliverer } = recordingDeliverer(() => (clock += 1000));
    feishuBots.emulator.setFault('lark', { kind: 'http', status: 502, times: 1 });
    const [result] = await deliverer.deliver([larkJob()], Date.now() + 60_000);
    expect(result).toEqual({ robot: 'lark', platform: 'feishu', ok: true, attempts: 2 });
    const stamps = feishuBots.messages.map(
      (message) => (message.message as { timestamp?: unknown }).timestamp,
    );
    expect(stamps).toHaveLength(2);
    expect(new Set(stamps).size).toBe(2);
    expect(feishuBots.messages.map((message) => message.errcode)).toEqual([null, 0]);
  });

  it("reports Feishu's code under errcode with the plain phrase, and does not retry it", async () => {
    const { deliverer } = recordingDeliverer();
    const [result] = await deliverer.deliver(
      [larkJob('SECtest-feishu-wrong-secret')],
      now() + 3000,
    );
    expect(result).toEqual({
      robot: 'lark',
      platform: 'feishu',
      ok: false,
      reason: 'signature',
      errcode: 19021,
      error:
        "signature rejected: the bot's signing secret does not match, the bot signs but no secret is configured here, or the clock is more than an hour off",
      attempts: 1,
    });
  });

  it("waits the pause Feishu's throttling asks for when it fits before the deadline", async () => {
    const { deliverer, pauses } = recordingDeliverer();
    feishuBots.emulator.setFault('lark', {
      kind: 'code',
      code: 11232,
      msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]',
      times: 1,
    });
    const [result] = await deliverer.deliver([larkJob()], now() + 3000);
    expect(result).toEqual({ robot: 'lark', platform: 'feishu', ok: true, attempts: 2 });
    expect(pauses).toEqual([1000]);
  });

  it('reports a WeCom 45009 at once: its minute does not fit before the deadline', async () => {
    const { deliverer, pauses } = recordingDeliverer();
    wecomRobots.emulator.setFault('wework', {
      kind: 'errcode',
      errcode: 45009,
      errmsg: 'api freq out of limit',
      times: 1,
    });
    const [result] = await deliverer.deliver([weworkJob()], now() + 3000);
    expect(result).toEqual({
      robot: 'wework',
      platform: 'wecom',
      ok: false,
      reason: 'rate_limit',
      errcode: 45009,
      error: 'rate limited: WeCom allows 20 messages per minute per robot',
      attempts: 1,
    });
    expect(pauses).toEqual([]);
    expect(wecomRobots.messages).toHaveLength(1);
  });

  it("refuses a message over WeCom's 4,096 bytes of markdown without sending it", async () => {
    const { deliverer } = recordingDeliverer();
    const [result] = await deliverer.deliver(
      [weworkJob(wecomMarkdown(`Gitee ${'界'.repeat(1400)}`))],
      now() + 3000,
    );
    expect(result).toEqual({
      robot: 'wework',
      platform: 'wecom',
      ok: false,
      reason: 'too_long',
      error:
        'message too long: markdown.content is 4206 bytes of UTF-8; WeCom accepts at most 4096; not sent',
      attempts: 0,
    });
    expect(wecomRobots.messages).toEqual([]);
  });

  it('names the platform it could not reach', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const webhook = `http://127.0.0.1:${port}/open-apis/bot/v2/hook/tokentest-gone`;
    const gone = deliveryJob(robot('gone', 'feishu', webhook, null), feishu, feishuText('Gitee'));
    const { deliverer } = recordingDeliverer();
    const [result] = await deliverer.deliver([gone], now() + 3000);
    expect(result).toMatchObject({
      robot: 'gone',
      platform: 'feishu',
      ok: false,
      reason: 'network',
      error: 'network error (ECONNREFUSED): could not reach Feishu',
    });
  });
});
