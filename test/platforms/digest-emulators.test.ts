import { startFeishuBot, type RunningFeishuBot } from '../../dev/fakes/feishu-bot';
import { startWecomRobot, type RunningWecomRobot } from '../../dev/fakes/wecom-robot';
import { startRobotEmulator } from '../../dev/robot-emulator/start-robot-emulator';
import type { RunningRobotEmulator } from '../../dev/robot-emulator/types';
import type { ChatPlatform, DigestEntry, PlatformName } from '../../lib/platforms/chat-platform';
import { PLATFORMS } from '../../lib/platforms';
import type { Locale } from '../../lib/settings/types';
import { digestOptions, fixtureEntries, KEYWORD, LOCALES, payloadEntry } from './digest-cases';
import { hostileEntries } from './digest-hostile-cases';
import { giteeUser } from '../format/payloads/common';
import { pullRequestPayload } from '../format/payloads/pull-request';

/**
 * Digests sent as the sender sends any message (request(), POST, classify()) to the robot
 * emulators, which check what each platform checks: the signature, the keyword in the
 * visible text, the body or content size and the message's shape.
 */
const DINGTALK_SECRET = 'SECtest-digest-dingtalk';
const FEISHU_SECRET = 'SECtest-digest-feishu';

let dingtalkRobot: RunningRobotEmulator;
let feishuBot: RunningFeishuBot;
let wecomRobot: RunningWecomRobot;

beforeAll(async () => {
  [dingtalkRobot, feishuBot, wecomRobot] = await Promise.all([
    startRobotEmulator({
      robots: [
        {
          name: 'team',
          accessToken: 'tokentest-digest',
          secret: DINGTALK_SECRET,
          keywords: ['nothing', KEYWORD],
        },
      ],
      enforceRateLimit: false,
    }),
    startFeishuBot({
      bots: [
        { name: 'team', token: 'tokentest-digest', secret: FEISHU_SECRET, keywords: [KEYWORD] },
      ],
      enforceRateLimit: false,
    }),
    startWecomRobot({
      robots: [{ name: 'team', key: 'keytest-digest-team' }],
      enforceRateLimit: false,
    }),
  ]);
});
afterAll(() => Promise.all([dingtalkRobot.close(), feishuBot.close(), wecomRobot.close()]));

const TARGETS: Record<PlatformName, () => { webhook: string; secret: string | null }> = {
  dingtalk: () => ({ webhook: dingtalkRobot.url('team'), secret: DINGTALK_SECRET }),
  feishu: () => ({ webhook: feishuBot.url('team'), secret: FEISHU_SECRET }),
  wecom: () => ({ webhook: wecomRobot.url('team'), secret: null }),
};

/** The msgtype the robot receives for a digest to a robot of each configured msgtype. */
const WIRE: Record<PlatformName, Record<string, string>> = {
  dingtalk: { markdown: 'markdown', actionCard: 'markdown', text: 'text' },
  feishu: {
    interactive: 'interactive',
    interactive2: 'interactive',
    post: 'interactive',
    text: 'interactive',
  },
  wecom: {
    markdown: 'markdown',
    markdown_v2: 'markdown_v2',
    text: 'text',
    template_card: 'markdown',
  },
};

function lastReceived(platform: PlatformName): { msgtype: string; errcode: number | null } {
  const received = {
    dingtalk: dingtalkRobot.emulator.received,
    feishu: feishuBot.emulator.messages,
    wecom: wecomRobot.emulator.messages,
  }[platform];
  const last = received.at(-1);
  if (last === undefined) throw new Error('nothing received');
  return last;
}

async function sendDigest(
  name: PlatformName,
  entries: readonly DigestEntry[],
  msgtype: string,
  locale: Locale,
) {
  const platform: ChatPlatform = PLATFORMS[name];
  const options = digestOptions(name, {
    msgtype,
    locale,
    pending: entries.length + 10,
    mentions: { carol: { mobile: '13800000003', feishu: 'ou_carol', wecom: 'carol.w' } },
  });
  const { message, count } = platform.renderDigest(entries, options);
  const { url, body } = platform.request(message, TARGETS[name](), Date.now());
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { answer: platform.classify(response.status, await response.text()), count };
}

const cases = (Object.keys(PLATFORMS) as PlatformName[]).flatMap((platform) =>
  PLATFORMS[platform].msgtypes.flatMap((msgtype) =>
    LOCALES.map((locale) => ({ platform, msgtype, locale })),
  ),
);

describe('digests at the robot emulators', () => {
  it.each(cases)(
    '$platform takes a $locale digest of every fixture for a $msgtype robot',
    async ({ platform, msgtype, locale }) => {
      const entries = [
        ...fixtureEntries(locale),
        payloadEntry(
          pullRequestPayload({ reviewers: [giteeUser('carol', 'Carol')] }),
          locale,
          true,
        ),
      ];
      const { answer, count } = await sendDigest(platform, entries, msgtype, locale);
      expect(answer).toEqual({ ok: true });
      expect(lastReceived(platform)).toMatchObject({
        msgtype: WIRE[platform][msgtype],
        errcode: 0,
      });
      expect(count).toBeGreaterThan(1);
    },
  );

  it.each(cases)(
    '$platform takes a $locale digest of 200 long hostile events for a $msgtype robot',
    async ({ platform, msgtype, locale }) => {
      const { answer, count } = await sendDigest(
        platform,
        hostileEntries(200, locale),
        msgtype,
        locale,
      );
      expect(answer).toEqual({ ok: true });
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThan(200);
    },
  );
});
