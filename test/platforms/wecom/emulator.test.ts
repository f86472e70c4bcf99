import { startWecomRobot, type RunningWecomRobot } from '../../../dev/fakes/wecom-robot';
import { wecom } from '../../../lib/platforms/wecom';
import { WECOM_MSGTYPES, type WecomMessage } from '../../../lib/platforms/wecom/message';
import type { Locale } from '../../../lib/settings/types';
import { fixtureNames } from '../../helpers/fixtures';
import { parseFixture } from '../../helpers/parse-fixture';
import { giteeUser, sha } from '../../format/payloads/common';
import { pullRequestPayload } from '../../format/payloads/pull-request';
import { commit, pushPayload } from '../../format/payloads/push';
import { renderDelivery, renderPayload } from './wecom-parts';

const ROBOTS = [{ name: 'team', key: 'keytest-0a1b2c3d-team' }];
const LOCALES: Locale[] = ['zh-CN', 'en'];
const MENTIONS = { carol: { wecom: 'carol.w' }, dave: { mobile: '13800000002' } };

let robot: RunningWecomRobot;

beforeAll(async () => {
  robot = await startWecomRobot({ robots: ROBOTS, enforceRateLimit: false });
});
afterAll(() => robot.close());
beforeEach(() => robot.emulator.reset());

/** One attempt exactly as the sender makes it: request(), POST, classify(). */
async function send(message: WecomMessage) {
  const { url, body } = wecom.request(
    message,
    { webhook: robot.url('team'), secret: null },
    Date.now(),
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return wecom.classify(response.status, await response.text());
}

describe('WeCom messages sent to the robot emulator', () => {
  it.each(
    fixtureNames().flatMap((fixture) =>
      WECOM_MSGTYPES.flatMap((msgtype) => LOCALES.map((locale) => ({ fixture, msgtype, locale }))),
    ),
  )('accepts $fixture as $locale $msgtype', async ({ fixture, msgtype, locale }) => {
    const message = renderDelivery(parseFixture(fixture), { msgtype, locale, mentions: MENTIONS });
    expect(await send(message)).toEqual({ ok: true });
    expect(robot.messages.map(({ errcode, msgtype: wire }) => ({ errcode, wire }))).toEqual([
      { errcode: 0, wire: msgtype },
    ]);
  });

  it.each(WECOM_MSGTYPES)(
    'accepts a 40-commit push of long Chinese messages as %s',
    async (msgtype) => {
      const commits = Array.from({ length: 40 }, (_, index) =>
        commit({ id: sha((index % 9) + 1), message: '修复登录页白屏并补充单元测试。'.repeat(30) }),
      );
      const message = renderPayload(pushPayload({ commits }), { msgtype, maxCommits: 40 });
      expect(await send(message)).toEqual({ ok: true });
    },
  );

  it.each(WECOM_MSGTYPES)('accepts mentions in the fields WeCom reads as %s', async (msgtype) => {
    const payload = pullRequestPayload({
      reviewers: [giteeUser('carol', 'Carol')],
      testers: [giteeUser('dave', 'Dave')],
    });
    const message = renderPayload(payload, { msgtype, mentions: MENTIONS, atAll: true });
    expect(await send(message)).toEqual({ ok: true });
    const received = JSON.stringify(robot.messages[0]?.message);
    expect(received.includes('<@carol.w>')).toBe(msgtype === 'markdown');
    expect(received.includes('"mentioned_list":["carol.w","@all"]')).toBe(msgtype === 'text');
    expect(received.includes('"mentioned_mobile_list":["13800000002"]')).toBe(msgtype === 'text');
  });

  it.each([
    ['accepts 4,096 bytes', 'a', true],
    ['refuses 4,097 bytes', 'ab', false],
  ])('%s of markdown content, as refuse() says beforehand', async (_case, tail, fits) => {
    // 1,365 CJK characters are 4,095 bytes of UTF-8.
    const content = `${'推'.repeat(1365)}${tail}`;
    const message: WecomMessage = { msgtype: 'markdown', markdown: { content } };
    expect(wecom.refuse(message) === null).toBe(fits);
    const answer = await send(message);
    if (fits) expect(answer).toEqual({ ok: true });
    else {
      expect(answer).toMatchObject({
        ok: false,
        reason: 'too_long',
        errcode: 40058,
        retryable: false,
      });
    }
  });
});
