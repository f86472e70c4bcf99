import { fitOutput } from '../../lib/templates/fit-output';

/** A "message" that is its text, fitting when it has at most `max` code units. */
function fitTo(text: string, max: number): string | null {
  return fitOutput(
    text,
    (body) => body,
    (body) => body.length <= max,
  );
}

/** Every cut of `text` the fitter makes, for limits from 1 to the whole length. */
function allCuts(text: string): string[] {
  return Array.from({ length: text.length }, (_, max) => fitTo(text, max + 1)).filter(
    (cut): cut is string => cut !== null,
  );
}

describe('fitOutput', () => {
  it('keeps a text that fits as it is', () => {
    expect(fitTo('short enough', 100)).toBe('short enough');
  });

  it('keeps the longest head that fits, then "…"', () => {
    expect(fitTo('abcdefghij', 6)).toBe('abcde…');
    expect(fitTo('abc defghij', 5)).toBe('abc…');
  });

  it('gives null when not even "…" fits', () => {
    expect(fitTo('abcdef', 0)).toBeNull();
  });

  it.each([
    [
      'a markdown link',
      'see [the pull request](https://gitee.com/a/b/pulls/1) now',
      /\[[^\]]*$|\]\([^)]*$/,
    ],
    ['an image', 'x ![logo](https://gitee.com/a.png) y', /!\[[^\]]*$|\]\([^)]*$/],
    ['a Feishu mention', 'cc: <at id=ou_123abc></at> and <at id=all></at>', /<[^>]*$/],
    ['a font tag', 'a <font color="comment">grey</font> b', /<[^>]*$/],
    ['a character reference', 'a &#60;b&#62; &#38; c', /&#?\w*$/],
    ['a backslash escape', 'a \\*b\\* \\[c\\]', /\\$/],
  ])('never cuts inside %s', (_name, text, broken) => {
    for (const cut of allCuts(text)) expect(cut.replace(/…$/, '')).not.toMatch(broken);
  });

  it('never splits a grapheme cluster', () => {
    const text = 'ab👨‍👩‍👧‍👦cd🇨🇳e\u0301f中文';
    const starts = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
    const boundaries = new Set([...starts.map((segment) => segment.index), text.length]);
    const cuts = allCuts(text);
    expect(cuts.length).toBeGreaterThan(5);
    for (const cut of cuts) {
      const kept = cut.replace(/…$/, '');
      expect(text.startsWith(kept)).toBe(true);
      expect(boundaries.has(kept.length)).toBe(true);
    }
  });
});
