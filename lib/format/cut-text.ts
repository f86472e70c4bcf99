/**
 * Cutting user text to a length a chat message can carry, on a grapheme-cluster boundary so an
 * emoji sequence, a surrogate pair or a CJK character is never split (issue 3: excerpts ~200,
 * titles ~100 characters). Segmentation does not depend on the machine's locale.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const ELLIPSIS = '…';

/** Control characters and bidirectional overrides that would garble or disguise a line. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * User text as one tidy line: line breaks and runs of spaces become one space (DingTalk
 * markdown joins single line breaks anyway, dingtalk-robot-api.md §5), invisible controls go,
 * and a lone surrogate Gitee passed through becomes U+FFFD.
 */
export function oneLine(text: string | null | undefined): string {
  if (typeof text !== 'string') return '';
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The first line, e.g. a commit's subject. */
export function firstLine(text: string | null | undefined): string {
  if (typeof text !== 'string') return '';
  const trimmed = text.replace(/^\s+/, '');
  const end = trimmed.search(/\r?\n/);
  return oneLine(end === -1 ? trimmed : trimmed.slice(0, end));
}

/** At most `max` grapheme clusters; a cut text ends in "…" (which counts as one). */
export function cutText(text: string, max: number): string {
  if (max <= 0) return '';
  // Every grapheme holds at least one code unit: short strings need no segmentation.
  if (text.length <= max) return text;
  const cut = cutGraphemes(text, max);
  // No real character is this long (the longest emoji sequences take under 20 UTF-16 units);
  // thousands of combining marks or joiners are cut by code point so no surrogate pair splits.
  return cut.length <= max * MAX_UNITS_PER_CHARACTER ? cut : cutCodePoints(cut, max);
}

const MAX_UNITS_PER_CHARACTER = 32;

function cutGraphemes(text: string, max: number): string {
  let count = 0;
  let keepEnd = 0;
  for (const { index } of graphemes.segment(text)) {
    if (count === max - 1) keepEnd = index;
    if (count === max) return text.slice(0, keepEnd).trimEnd() + ELLIPSIS;
    count += 1;
  }
  return text;
}

function cutCodePoints(text: string, max: number): string {
  return (
    Array.from(text.slice(0, max * MAX_UNITS_PER_CHARACTER))
      .slice(0, max - 1)
      .join('')
      .replace(/[\uD800-\uDBFF]$/, '') + ELLIPSIS
  );
}
