import { cutText, firstLine, oneLine } from '../../lib/view/cut-text';
import { format, textOf, titleOf } from './message-parts';
import { issuePayload } from './payloads/issue';
import { commit, pushPayload } from './payloads/push';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇨🇳';

describe('cutText', () => {
  it('keeps text that fits and cuts longer text to max characters ending in "…"', () => {
    expect(cutText('修复登录', 4)).toBe('修复登录');
    expect(cutText('修复登录问题', 4)).toBe('修复登…');
    expect(cutText('abc', 0)).toBe('');
  });

  it('cuts where segmenting the whole text would, for text of every kind of cluster', () => {
    const pieces = [
      'a',
      ' ',
      '分',
      '\r\n',
      '\r',
      'é',
      'e\u0301',
      FAMILY,
      FLAG,
      '🇨',
      '\u200D',
      '한',
      '\u1100\u1161',
      '😀\uFE0F',
      '\uD800',
      // Longer than a segmenting window.
      `o${'\u0301'.repeat(70)}`,
    ];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let round = 0; round < 300; round += 1) {
      const text = Array.from(
        { length: 40 + (next() % 300) },
        () => pieces[next() % pieces.length],
      ).join('');
      const clusters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
      const max = 1 + (next() % 80);
      const expected =
        clusters.length <= max
          ? text
          : clusters
              .slice(0, max - 1)
              .map(({ segment }) => segment)
              .join('')
              .trimEnd() + '…';
      expect(cutText(text, max)).toBe(expected);
    }
  });

  it.each([
    ['an emoji outside the BMP', '😀'.repeat(10)],
    ['a family emoji joined by ZWJ', FAMILY.repeat(10)],
    ['a flag (regional indicator pair)', FLAG.repeat(10)],
    ['CJK mixed with emoji', '中😀文'.repeat(10)],
  ])('never splits %s at any cut point', (_name, text) => {
    for (let max = 1; max <= 12; max += 1) {
      const cut = cutText(text, max);
      expect(cut).not.toMatch(LONE_SURROGATE);
      expect(
        [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(cut)].length,
      ).toBeLessThanOrEqual(max);
    }
    expect(cutText(FAMILY.repeat(10), 3)).toBe(`${FAMILY}${FAMILY}…`);
  });

  it('bounds a pathological cluster (thousands of combining marks) too', () => {
    const zalgo = `a${'\u0301'.repeat(5000)}b`;
    expect(cutText(oneLine(zalgo), 1).length).toBeLessThan(20);
    expect(cutText(`x${'\u0301'.repeat(5000)}`.repeat(3), 2).length).toBeLessThan(100);
  });
});

describe('oneLine and firstLine', () => {
  it('joins lines, drops controls and replaces a lone surrogate', () => {
    expect(oneLine(' a\r\n\r\n b\t\u0007c \uD83D ')).toBe('a b c \uFFFD');
    expect(firstLine('\n\nsubject\nbody')).toBe('subject');
    expect(oneLine(null)).toBe('');
  });
});

describe('cut points in messages', () => {
  it('cuts titles and commit subjects between characters, never inside an emoji or CJK character', () => {
    for (let pad = 0; pad < 4; pad += 1) {
      const title = `${'x'.repeat(pad)}${'登录😀'.repeat(80)}`;
      const push = pushPayload({
        commits: [commit({ message: `${'y'.repeat(pad)}${FAMILY.repeat(120)}` })],
      });
      for (const message of [
        format(issuePayload({ title, body: title.repeat(5) })),
        format(push),
      ]) {
        expect(titleOf(message)).not.toMatch(LONE_SURROGATE);
        expect(textOf(message)).not.toMatch(LONE_SURROGATE);
        expect(textOf(message)).toContain('…');
      }
    }
  });
});
