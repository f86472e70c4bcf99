import {
  FEISHU_LIMITS,
  feishuBodyBytes,
  fitsFeishuBody,
} from '../../../lib/platforms/feishu/limits';
import { signFeishuBody } from '../../../lib/platforms/feishu/sign';

const text = (content: string) => ({ msg_type: 'text', content: { text: content } });

// Bytes of the signed fields, counted by hand: `"timestamp":"1700000000",` is 25 and
// `"sign":"<44 Base64 characters>",` is 54.
const SIGNED_OVERHEAD = 25 + 54;

describe('Feishu limits', () => {
  it('budgets 20,000 bytes of body, 100 a minute and 5 a second (doc §1.7)', () => {
    expect(FEISHU_LIMITS.bodyBytes).toBe(20_000);
    expect(FEISHU_LIMITS.rate).toEqual({ perMinute: 100, perSecond: 5, penaltyMs: 0 });
  });

  it('measures UTF-8 bytes of the body as sent, three per CJK character', () => {
    const message = text('推送'.repeat(10));
    const unsigned = '{"msg_type":"text","content":{"text":""}}'.length + 60;
    expect(feishuBodyBytes(message, { signed: false })).toBe(unsigned);
  });

  it('counts the signature fields when the bot signs', () => {
    const message = text('x');
    expect(feishuBodyBytes(message, { signed: true })).toBe(
      feishuBodyBytes(message, { signed: false }) + SIGNED_OVERHEAD,
    );
  });

  it('measures a signed body the size of any real signed body', () => {
    const message = text('x'.repeat(500));
    const real = signFeishuBody(message, 'SECtest-any-secret-at-all', Date.UTC(2031, 4, 6));
    expect(feishuBodyBytes(message, { signed: true })).toBe(Buffer.byteLength(real));
  });

  it('fits a body of exactly 20,000 bytes and not one more', () => {
    const empty = feishuBodyBytes(text(''), { signed: true });
    expect(fitsFeishuBody(text('a'.repeat(20_000 - empty)), { signed: true })).toBe(true);
    expect(fitsFeishuBody(text('a'.repeat(20_001 - empty)), { signed: true })).toBe(false);
  });
});
