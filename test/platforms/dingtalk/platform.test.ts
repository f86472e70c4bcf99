import { dingtalk } from '../../../lib/platforms/dingtalk';
import type { DingTalkMessage } from '../../../lib/platforms/dingtalk/message';
import { describeEvent } from '../../../lib/view/describe-event';
import { onGiteeHost } from '../../../lib/view/gitee-links';
import { localeText } from '../../../lib/view/locales/locale-text';
import { fixtureNames } from '../../helpers/fixtures';
import { parseFixture } from '../../helpers/parse-fixture';

const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=tokentest0001';

const text = (content: string): DingTalkMessage => ({ msgtype: 'text', text: { content } });
/** A text message whose JSON body is exactly `bytes` bytes of UTF-8. */
const textOfBytes = (bytes: number) => text('x'.repeat(bytes - JSON.stringify(text('')).length));

describe('the DingTalk platform', () => {
  it("states DingTalk's facts: msgtypes, keywords, signing, mention keys, rate", () => {
    expect(dingtalk).toMatchObject({
      name: 'dingtalk',
      label: 'DingTalk',
      msgtypes: ['markdown', 'actionCard', 'text'],
      maxKeywords: 10,
      signs: true,
      mentionKeys: ['mobile', 'userId'],
      limits: { perMinute: 20, penaltyMs: 600_000 },
    });
  });

  it('accepts any http(s) webhook, trimmed, and refuses anything else', () => {
    expect(dingtalk.checkWebhook(WEBHOOK)).toEqual({ ok: true, webhook: WEBHOOK });
    expect(dingtalk.checkWebhook(` ${WEBHOOK}\n`)).toEqual({ ok: true, webhook: WEBHOOK });
    expect(dingtalk.checkWebhook('http://127.0.0.1:8787/robot/send?access_token=t')).toEqual({
      ok: true,
      webhook: 'http://127.0.0.1:8787/robot/send?access_token=t',
    });
    expect(dingtalk.checkWebhook('ftp://oapi.dingtalk.com/robot/send')).toMatchObject({
      ok: false,
    });
    expect(dingtalk.checkWebhook('tokentest0001')).toEqual({
      ok: false,
      error: 'must be an http(s) URL',
    });
  });

  it('refuses a body over 20,000 bytes of UTF-8 and passes one of exactly 20,000', () => {
    expect(dingtalk.refuse(textOfBytes(20_000))).toBeNull();
    expect(dingtalk.refuse(textOfBytes(20_001))).toBe(
      '20001 bytes, DingTalk accepts at most 20000',
    );
  });

  it('signs each request in the URL with its own millisecond timestamp; the body is the message', () => {
    const message = text('Gitee push');
    const secret = 'SECtestsecret';
    // dingtalk-robot-api.md §2 "Test vectors", row 2.
    const first = dingtalk.request(message, { webhook: WEBHOOK, secret }, 1577836800000);
    expect(first).toEqual({
      url: `${WEBHOOK}&timestamp=1577836800000&sign=e9%2FPYFWSjeYPT9dRYoqJiXpa5kBNNEIWCMFi7wMmAWc%3D`,
      body: JSON.stringify(message),
    });
    const later = dingtalk.request(message, { webhook: WEBHOOK, secret }, 1577836801000);
    expect(later.url).toContain('timestamp=1577836801000&sign=');
    expect(later.url).not.toBe(first.url);
    expect(dingtalk.request(message, { webhook: WEBHOOK, secret: null }, 1)).toEqual({
      url: WEBHOOK,
      body: JSON.stringify(message),
    });
  });

  it.each(fixtureNames())('renders %s once per msgtype within the limit, keyworded', (name) => {
    const t = localeText('zh-CN');
    const delivery = parseFixture(name);
    const repository = onGiteeHost(delivery.repository, ['gitee.com']);
    const view = describeEvent({ ...delivery, repository }, { t, timezone: 'Asia/Shanghai' });
    for (const msgtype of dingtalk.msgtypes) {
      const message = dingtalk.render(view, {
        msgtype,
        t,
        keywords: ['GiteeRelay'],
        mentions: {},
        atAll: false,
        maxCommits: 5,
        linkMode: 'dingtalk',
      });
      expect(message.msgtype).toBe(msgtype);
      expect(dingtalk.refuse(message)).toBeNull();
      expect(JSON.stringify(message)).toContain('GiteeRelay');
    }
  });
});
