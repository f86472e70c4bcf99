import { startFeishuBot, type RunningFeishuBot } from '../../../dev/fakes/feishu-bot';
import { feishu } from '../../../lib/platforms/feishu';
import type { FeishuMessage } from '../../../lib/platforms/feishu/message';
import type { RobotAnswer } from '../../../lib/platforms/chat-platform';
import { fixtureNames } from '../../helpers/fixtures';
import { fixtureView, renderOptions } from './feishu-parts';

const SECRET = 'SECtest-feishu-emulated-bot';
const KEYWORD = 'GiteeRelay';

let bot: RunningFeishuBot;

beforeAll(async () => {
  bot = await startFeishuBot({
    bots: [
      { name: 'guarded', token: 'tok-guarded', secret: SECRET, keywords: ['nothing', KEYWORD] },
      { name: 'open', token: 'tok-open' },
    ],
    enforceRateLimit: false,
  });
});
afterAll(() => bot.close());

async function send(
  message: FeishuMessage,
  name: string,
  secret: string | null,
): Promise<RobotAnswer> {
  const { url, body } = feishu.request(message, { webhook: bot.url(name), secret }, Date.now());
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return feishu.classify(response.status, await response.text());
}

const cases = fixtureNames().flatMap((fixture) =>
  feishu.msgtypes.map((msgtype) => ({ fixture, msgtype })),
);

describe('Feishu messages at the bot emulator', () => {
  it.each(cases)(
    'a signed, keyworded bot accepts $fixture as $msgtype',
    async ({ fixture, msgtype }) => {
      const message = feishu.render(
        fixtureView(fixture),
        renderOptions({ msgtype, keywords: [KEYWORD] }),
      );
      expect(await send(message, 'guarded', SECRET)).toEqual({ ok: true });
      const received = bot.messages.at(-1);
      expect(received).toMatchObject({
        robot: 'guarded',
        errcode: 0,
        msgtype: 'interactive2' === msgtype ? 'interactive' : msgtype,
      });
    },
  );

  it.each(feishu.msgtypes.map((msgtype) => ({ msgtype })))(
    'a bot without security accepts $msgtype in English with everyone mentioned',
    async ({ msgtype }) => {
      const message = feishu.render(
        fixtureView('merge_request-open', 'en'),
        renderOptions({ msgtype, locale: 'en', keywords: [], atAll: true }),
      );
      expect(await send(message, 'open', null)).toEqual({ ok: true });
    },
  );

  it('is refused with 19024 when the robot has no keywords configured but the bot checks them', async () => {
    const message = feishu.render(fixtureView('push-commits'), renderOptions({ keywords: [] }));
    expect(await send(message, 'guarded', SECRET)).toMatchObject({
      ok: false,
      reason: 'keyword',
      errcode: 19024,
    });
  });

  it('is refused with 19021 when signed with another secret, and when not signed', async () => {
    const message = feishu.render(fixtureView('push-commits'), renderOptions());
    for (const secret of ['SECtest-some-other-secret', null]) {
      expect(await send(message, 'guarded', secret)).toMatchObject({
        ok: false,
        reason: 'signature',
        errcode: 19021,
      });
    }
  });
});
