import {
  WECOM_LIMITS,
  fitsWecomContent,
  wecomLimitedContent,
} from '../../../lib/platforms/wecom/limits';

describe('WeCom limits', () => {
  it('allows 2048 bytes of text and 4096 of markdown and markdown_v2 content (doc §2.5)', () => {
    expect(WECOM_LIMITS.contentBytes).toEqual({ text: 2048, markdown: 4096, markdown_v2: 4096 });
  });

  it('allows 20 messages a minute per robot (doc §2.6)', () => {
    expect(WECOM_LIMITS.rate.perMinute).toBe(20);
  });

  it.each([
    ['markdown', 4096],
    ['markdown_v2', 4096],
    ['text', 2048],
  ])('measures %s.content in UTF-8 bytes, not characters', (msgtype, maxBytes) => {
    // 1365 CJK characters are 4095 bytes; 683 are 2049.
    const content = '推'.repeat(msgtype === 'text' ? 683 : 1365);
    const message = { msgtype, [msgtype]: { content } };
    expect(wecomLimitedContent(message)).toEqual({
      field: `${msgtype}.content`,
      bytes: Buffer.byteLength(content),
      maxBytes,
    });
    expect(fitsWecomContent(message)).toBe(msgtype !== 'text');
  });

  it('counts only the content, not the mentions beside it', () => {
    const message = {
      msgtype: 'text',
      text: { content: 'a'.repeat(2048), mentioned_list: ['x'.repeat(5000)] },
    };
    expect(fitsWecomContent(message)).toBe(true);
  });

  it('has no byte limit for template_card', () => {
    const message = { msgtype: 'template_card', template_card: { card_type: 'text_notice' } };
    expect(wecomLimitedContent(message)).toBeNull();
    expect(fitsWecomContent(message)).toBe(true);
  });
});
