import { cutName } from '../../lib/webhook/cut-name';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemeCount = (text: string) => [...graphemes.segment(text)].length;

describe('cutName', () => {
  it.each<[string, string]>([
    ['a short path', 'kit101/drone-yml-test'],
    ['exactly 200 ASCII characters', 'a'.repeat(200)],
    ['exactly 200 CJK characters', '仓'.repeat(200)],
    ['200 emoji of 11 code units each', '👨‍👩‍👧‍👦'.repeat(200)],
    ['200 letters with a combining accent', 'e\u0301'.repeat(200)],
  ])('keeps %s whole', (_, name) => {
    expect(cutName(name)).toBe(name);
  });

  it.each<[string, string, string]>([
    ['201 ASCII characters', 'a'.repeat(201), `${'a'.repeat(200)}…`],
    ['a megabyte of CJK', '界'.repeat(1 << 20), `${'界'.repeat(200)}…`],
    ['201 flags', '🇨🇳'.repeat(201), `${'🇨🇳'.repeat(200)}…`],
    ['201 family emoji', '👨‍👩‍👧‍👦'.repeat(201), `${'👨‍👩‍👧‍👦'.repeat(200)}…`],
  ])('cuts %s to 200 graphemes, then "…"', (_, name, expected) => {
    expect(cutName(name)).toBe(expected);
  });

  it('cuts one grapheme of thousands of combining marks by code point, splitting no pair', () => {
    const name = `a${'\u0301'.repeat(100_000)}`;
    expect(graphemeCount(name)).toBe(1);
    expect(cutName(name)).toBe(`a${'\u0301'.repeat(199)}…`);
  });

  it('never splits a surrogate pair among heavy clusters', () => {
    const name = `😀${'\u0301'.repeat(40)}`.repeat(300);
    const cut = cutName(name);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
    expect(graphemeCount(cut)).toBeLessThanOrEqual(201);
  });
});
