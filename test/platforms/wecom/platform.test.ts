import { wecom } from '../../../lib/platforms/wecom';
import type { WecomMessage } from '../../../lib/platforms/wecom/message';

const KEY = '693a91f6-7fff-4bc4-97a0-0ec2keytest0';
const FULL = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;
const markdown = (content: string): WecomMessage => ({
  msgtype: 'markdown',
  markdown: { content },
});

describe('the WeCom platform', () => {
  it('offers markdown first, then markdown_v2, text and template_card', () => {
    expect(wecom.name).toBe('wecom');
    expect(wecom.label).toBe('WeCom');
    expect(wecom.msgtypes).toEqual(['markdown', 'markdown_v2', 'text', 'template_card']);
  });

  it('has no keywords and no signing, and reads the wecom and mobile mention keys', () => {
    expect(wecom.maxKeywords).toBe(0);
    expect(wecom.signs).toBe(false);
    expect(wecom.mentionKeys).toEqual(['wecom', 'mobile']);
  });

  it('sends 20 messages a minute and waits out the minute after a 45009 (doc §2.6)', () => {
    expect(wecom.limits).toEqual({ perMinute: 20, penaltyMs: 60_000 });
  });

  it('accepts a bare key as the robot webhook and never quotes it in a refusal', () => {
    expect(wecom.checkWebhook(KEY)).toEqual({ ok: true, webhook: FULL });
    const refused = wecom.checkWebhook(`https://oapi.dingtalk.com/robot/send?access_token=${KEY}`);
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toContain(KEY);
  });

  it('posts the message as JSON to the webhook as stored, with nothing signed', () => {
    const message = markdown('### 推送');
    const first = wecom.request(message, { webhook: FULL, secret: null }, 1_700_000_000_000);
    const later = wecom.request(message, { webhook: FULL, secret: null }, 1_700_000_999_000);
    expect(first).toEqual({
      url: FULL,
      body: '{"msgtype":"markdown","markdown":{"content":"### 推送"}}',
    });
    expect(later).toEqual(first);
  });

  it.each([
    [
      markdown('推'.repeat(1366)),
      'markdown.content is 4098 bytes of UTF-8; WeCom accepts at most 4096',
    ],
    [
      {
        msgtype: 'text',
        text: { content: 'a'.repeat(2049), mentioned_list: ['x'] },
      } as WecomMessage,
      'text.content is 2049 bytes of UTF-8; WeCom accepts at most 2048',
    ],
    [markdown(''), 'markdown.content is empty, which WeCom refuses'],
  ])('refuses what WeCom would refuse: %#', (message, reason) => {
    expect(wecom.refuse(message)).toBe(reason);
  });

  it('refuses nothing that fits, counting bytes of the content only', () => {
    expect(wecom.refuse(markdown('推'.repeat(1365)))).toBeNull();
    const text: WecomMessage = {
      msgtype: 'text',
      text: { content: 'a'.repeat(2048), mentioned_list: ['u'.repeat(5000)] },
    };
    expect(wecom.refuse(text)).toBeNull();
  });

  it('classifies by errcode, not by HTTP 200', () => {
    expect(wecom.classify(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(wecom.classify(200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject(
      {
        ok: false,
        reason: 'rate_limit',
        errcode: 45009,
        retryable: true,
        retryAfterMs: 60_000,
      },
    );
    expect(wecom.classify(200, 'not json')).toMatchObject({ ok: false, retryable: false });
  });
});
