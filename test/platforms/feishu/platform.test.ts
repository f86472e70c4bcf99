import { feishu } from '../../../lib/platforms/feishu';
import type { FeishuMessage } from '../../../lib/platforms/feishu/message';

const WEBHOOK = 'https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-0000-4000-8000-000000000000';
const message: FeishuMessage = { msg_type: 'text', content: { text: '[GiteeRelay] hello' } };

describe('the feishu ChatPlatform', () => {
  it('declares its msgtypes (card 1.0 first, the default), keywords, signing and mention key', () => {
    expect(feishu.name).toBe('feishu');
    expect(feishu.label).toBe('Feishu');
    expect(feishu.msgtypes).toEqual(['interactive', 'interactive2', 'post', 'text']);
    expect(feishu.maxKeywords).toBe(10);
    expect(feishu.signs).toBe(true);
    expect(feishu.mentionKeys).toEqual(['feishu']);
    expect(feishu.limits).toEqual({ perMinute: 100, perSecond: 5, penaltyMs: 0 });
  });

  it('signs in the body with the doc vector F2: timestamp in seconds as a string, sign beside msg_type', () => {
    const { url, body } = feishu.request(
      message,
      { webhook: WEBHOOK, secret: 'fixture-secret' },
      1_700_000_000_999,
    );
    expect(url).toBe(WEBHOOK);
    expect(JSON.parse(body)).toEqual({
      timestamp: '1700000000',
      sign: 'eSSBpPPdWfBl7avPl9BWSBfQOnLGZ91Xn8G5oZis0sc=',
      ...message,
    });
  });

  it('signs each attempt afresh', () => {
    const target = { webhook: WEBHOOK, secret: 'fixture-secret' };
    const first = JSON.parse(feishu.request(message, target, 1_700_000_000_000).body) as object;
    const later = JSON.parse(feishu.request(message, target, 1_700_000_060_000).body) as object;
    expect(later).toMatchObject({ timestamp: '1700000060' });
    expect(later).not.toEqual(first);
  });

  it('sends the message as it is to a bot without a secret', () => {
    const { body } = feishu.request(message, { webhook: WEBHOOK, secret: null }, 1_700_000_000_000);
    expect(body).toBe(JSON.stringify(message));
  });

  it('classifies answers by code, not HTTP status', () => {
    expect(
      feishu.classify(
        200,
        '{"StatusCode":0,"StatusMessage":"success","code":0,"data":{},"msg":"success"}',
      ),
    ).toEqual({ ok: true });
    expect(feishu.classify(200, '{"code":19021,"data":{},"msg":"sign match fail"}')).toMatchObject({
      ok: false,
      reason: 'signature',
      errcode: 19021,
      retryable: false,
    });
    expect(feishu.classify(200, '<html></html>')).toMatchObject({ ok: false });
  });

  it('accepts a v2 hook and refuses the legacy v1 URL without quoting it', () => {
    expect(feishu.checkWebhook(WEBHOOK)).toEqual({ ok: true, webhook: WEBHOOK });
    const legacy = feishu.checkWebhook(
      'https://open.feishu.cn/open-apis/bot/hook/0123456789abcdef0123456789abcdef',
    );
    expect(legacy.ok).toBe(false);
    expect(JSON.stringify(legacy)).not.toContain('0123456789abcdef');
  });
});
