import { escapeFeishuMarkdown, escapeFeishuPlain } from '../../../lib/platforms/feishu/escape';
import { markdownLeaks, plainLeaks } from './feishu-leaks';

const WJ = '\u2060';
const ZWSP = '\u200B';

/** How Feishu shows card markdown text: character references decoded, once. */
function shown(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_match, code: string) =>
    String.fromCodePoint(Number(code)),
  );
}

describe('escapeFeishuMarkdown', () => {
  it('writes every markdown character of the doc (§1.5.1) as its numeric entity', () => {
    expect(escapeFeishuMarkdown('*b* _i_ ~~s~~ `c` [x](y) #h $m$ a|b \\ <> &')).toBe(
      '&#42;b&#42; &#95;i&#95; &#126;&#126;s&#126;&#126; &#96;c&#96; &#91;x&#93;&#40;y&#41; ' +
        '&#35;h &#36;m&#36; a&#124;b &#92; &#60;&#62; &#38;',
    );
  });

  it('makes <at id=all> and <font> inert, and shows them as typed', () => {
    const typed = '<at id=all></at> <font color=red>red</font>';
    const escaped = escapeFeishuMarkdown(typed);
    expect(escaped).not.toMatch(/[<>]/);
    expect(shown(escaped)).toBe(typed);
  });

  it('writes "&" as &#38;, so a reference someone typed is shown, never decoded', () => {
    expect(escapeFeishuMarkdown('&lt;at id=all&gt; &#60;')).toBe(
      '&#38;lt;at id=all&#38;gt; &#38;&#35;60;',
    );
    expect(shown(escapeFeishuMarkdown('&lt;at id=all&gt; &#60;'))).toBe('&lt;at id=all&gt; &#60;');
  });

  it('keeps a heading, quote or list marker at the start from opening a block', () => {
    expect(escapeFeishuMarkdown('# x')).toBe('&#35; x');
    expect(escapeFeishuMarkdown('> x')).toBe('&#62; x');
    expect(escapeFeishuMarkdown('- x')).toBe(`${WJ}- x`);
    expect(escapeFeishuMarkdown('+ x')).toBe(`${WJ}+ x`);
    expect(escapeFeishuMarkdown('12. x')).toBe(`${WJ}12. x`);
    expect(escapeFeishuMarkdown('a - b 1. c')).toBe('a - b 1. c');
    expect(escapeFeishuMarkdown('1.3')).toBe('1.3');
    expect(escapeFeishuMarkdown('-rc1')).toBe('-rc1');
    expect(escapeFeishuMarkdown('-')).toBe(`${WJ}-`);
  });

  it('breaks bare addresses so they are not turned into links', () => {
    expect(escapeFeishuMarkdown('see https://evil.example or www.evil.example')).toBe(
      `see https:${ZWSP}//evil.example or www${ZWSP}.evil.example`,
    );
  });

  it('leaves Chinese, @所有人 and ordinary punctuation alone', () => {
    expect(escapeFeishuMarkdown('修复登录 @所有人 v1.2, 100%!')).toBe(
      '修复登录 @所有人 v1.2, 100%!',
    );
  });

  it('leaves nothing the leak detector finds in hostile text', () => {
    const hostile =
      '# x <at id=all></at> <font color=red>r</font> [x](https://evil.example) &lt; <@userid> **b**';
    expect(markdownLeaks(escapeFeishuMarkdown(hostile))).toEqual([]);
    expect(markdownLeaks(hostile)).not.toEqual([]);
  });
});

describe('escapeFeishuPlain', () => {
  it('puts a word joiner after "<" so a text message parses no <at user_id=…>', () => {
    expect(escapeFeishuPlain('<at user_id="all">所有人</at>')).toBe(
      `<${WJ}at user_id="all">所有人<${WJ}/at>`,
    );
  });

  it('puts a word joiner after "&" so no character reference starts there', () => {
    expect(escapeFeishuPlain('&lt; &#60; a & b')).toBe(`&${WJ}lt; &${WJ}#60; a &${WJ} b`);
  });

  it('breaks bare addresses and keeps markdown characters, which plain text does not parse', () => {
    expect(escapeFeishuPlain('**b** [x](https://evil.example)')).toBe(
      `**b** [x](https:${ZWSP}//evil.example)`,
    );
  });

  it('leaves nothing the leak detector finds in hostile text', () => {
    const hostile = '<at user_id="all"></at> <font color=red> &lt; https://evil.example www.x.cn';
    expect(plainLeaks(escapeFeishuPlain(hostile))).toEqual([]);
    expect(plainLeaks(hostile)).toHaveLength(3);
  });
});
