import { PLATFORMS } from '../../lib/platforms';
import { PLATFORM_CATALOG } from '../../lib/platforms/catalog';
import { PLATFORM_NAMES } from '../../lib/platforms/infer-platform';

/** Webhooks of every kind, so each platform's two webhook rules are compared on the same input. */
const WEBHOOKS = [
  'https://oapi.dingtalk.com/robot/send?access_token=tokentest',
  'http://127.0.0.1:3000/robot/send?access_token=tokentest',
  'https://open.feishu.cn/open-apis/bot/v2/hook/hooktest-0001',
  'https://open.larksuite.com/open-apis/bot/v2/hook/hooktest-0001',
  'https://open.feishu.cn/open-apis/bot/hook/hooktest0001',
  'http://open.feishu.cn/open-apis/bot/v2/hook/hooktest-0001',
  'http://localhost:3000/open-apis/bot/v2/hook/hooktest-0001',
  'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=keytest-0001',
  'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=keytest-0001#x',
  'http://127.0.0.1:3000/cgi-bin/webhook/send?key=keytest-0001',
  'keytest-0001',
  'ftp://example.test/',
];

/**
 * Settings validation reads PLATFORM_CATALOG so that loading settings never imports a
 * renderer; the relay sends with PLATFORMS. Both describe each platform, and must agree.
 */
describe('PLATFORM_CATALOG', () => {
  it('lists every platform the relay sends to, and no other', () => {
    expect(Object.keys(PLATFORM_CATALOG).sort()).toEqual(Object.keys(PLATFORMS).sort());
    expect([...PLATFORM_NAMES].sort()).toEqual(Object.keys(PLATFORMS).sort());
  });

  it.each(PLATFORM_NAMES)('says what the %s ChatPlatform says', (name) => {
    const facts = PLATFORM_CATALOG[name];
    const platform = PLATFORMS[name];
    expect({
      label: facts.label,
      msgtypes: facts.msgtypes,
      maxKeywords: facts.maxKeywords,
      signs: facts.signs,
      mentionKeys: facts.mentionKeys,
    }).toEqual({
      label: platform.label,
      msgtypes: platform.msgtypes,
      maxKeywords: platform.maxKeywords,
      signs: platform.signs,
      mentionKeys: platform.mentionKeys,
    });
  });

  it.each(PLATFORM_NAMES)('accepts and stores the webhooks the %s ChatPlatform does', (name) => {
    const verdict = (check: (webhook: string) => { ok: boolean; webhook?: string }) =>
      WEBHOOKS.map((webhook) => {
        const checked = check(webhook);
        return [webhook, checked.ok ? checked.webhook : 'refused'];
      });
    expect(verdict(PLATFORM_CATALOG[name].checkWebhook)).toEqual(
      verdict(PLATFORMS[name].checkWebhook),
    );
  });
});
