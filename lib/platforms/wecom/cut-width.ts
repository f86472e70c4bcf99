/**
 * WeCom recommends card field lengths in 字 (Chinese characters, §2.2). A Latin letter takes
 * half the room of one, so length here is display width: 2 for a wide character (CJK, kana,
 * Hangul, full-width forms, emoji), 1 for any other grapheme cluster, against twice the
 * recommended count. "审查人员" and "Reviewers" both fit a 5-字 key; neither is cut mid-cluster.
 */
const WIDE =
  /^(?:\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|[\u3000-\u303F\uFF00-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic})/u;
const ELLIPSIS = '…';
const MAX_UNITS_PER_CHARACTER = 32;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width of one grapheme cluster. */
function widthOf(cluster: string): number {
  return WIDE.test(cluster) ? 2 : 1;
}

/** Display width of a short text (a line or two, already cut). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += widthOf(segment);
  return width;
}

/** At most `chars` 字 of display width; a cut text ends in "…" (one narrow character). */
export function cutWidth(text: string, chars: number): string {
  const max = chars * 2;
  if (max <= 0) return '';
  if (text.length * 2 <= max) return text;
  // No real character is longer than this; only this much is segmented (see cutText).
  const head = text.slice(0, max * MAX_UNITS_PER_CHARACTER);
  let width = 0;
  let keep = 0;
  for (const { segment, index } of segmenter.segment(head)) {
    width += widthOf(segment);
    if (width > max) break;
    if (width <= max - 1) keep = index + segment.length;
  }
  return width > max || head !== text ? text.slice(0, keep).trimEnd() + ELLIPSIS : text;
}
