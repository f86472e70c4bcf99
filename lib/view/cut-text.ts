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
  return wellFormed(text).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Text with every lone surrogate replaced by U+FFFD, e.g. before encodeURIComponent (which throws on one). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** The first line, e.g. a commit's subject, read up to a length no message shows ("…" beyond). */
export function firstLine(text: string | null | undefined): string {
  if (typeof text !== 'string') return '';
  const trimmed = text.trimStart();
  const end = trimmed.search(/\r?\n/);
  const line = end === -1 ? trimmed : trimmed.slice(0, end);
  return line.length > FIRST_LINE_UNITS
    ? `${oneLine(headOf(line, FIRST_LINE_UNITS))}…`
    : oneLine(line);
}

const FIRST_LINE_UNITS = 4096;

/** At most `max` grapheme clusters; a cut text ends in "…" (which counts as one). */
export function cutText(text: string, max: number): string {
  if (max <= 0) return '';
  // Every grapheme holds at least one code unit: short strings need no segmentation.
  if (text.length <= max) return text;
  // Most text (Latin, CJK) is one unit per character: no segmenter needed to cut it.
  if (ONE_UNIT_EACH.test(text.slice(0, max + 1))) {
    return text.slice(0, max - 1).trimEnd() + ELLIPSIS;
  }
  // No real character is this long (the longest emoji sequences take under 20 UTF-16 units), so
  // only this much is segmented: segmenting a whole 1 MiB body takes a second. Thousands of
  // combining marks or joiners are cut by code point so no surrogate pair splits.
  const limit = max * MAX_UNITS_PER_CHARACTER;
  const head = text.length > limit ? text.slice(0, limit + 1) : text;
  const cut = cutGraphemes(head, max);
  if (cut === head && head === text && text.length <= limit) return text;
  return cut !== head && cut.length <= limit ? cut : cutCodePoints(text, max);
}

/**
 * `text` as one tidy line (see oneLine) of at most `max` characters. Only as much as `max`
 * characters can take is read, so a megabyte title costs what a short one does.
 */
export function cutLine(text: string | null | undefined, max: number): string {
  if (typeof text !== 'string' || max <= 0) return '';
  const units = max * MAX_UNITS_PER_CHARACTER;
  if (text.length <= units) return cutText(oneLine(text), max);
  return cutText(`${oneLine(headOf(text, units))}…`, max);
}

/** The first `units` code units of `text`, never ending in half a surrogate pair. */
export function headOf(text: string, units: number): string {
  if (text.length <= units) return text;
  return text.slice(0, isHighSurrogate(text, units - 1) ? units - 1 : units);
}

export const MAX_UNITS_PER_CHARACTER = 32;
/**
 * Characters that never join a neighbour into one grapheme cluster (UAX #29): Latin up to the
 * combining marks at U+0300 (CR left out: CR LF is one cluster), CJK punctuation and kana
 * without their combining marks, CJK ideographs, fullwidth forms, U+FFFD. No surrogates, joiners,
 * variation selectors or Hangul jamo.
 */
const ONE_UNIT_EACH =
  // eslint-disable-next-line no-control-regex
  /^[\u0000-\u000C\u000E-\u02FF\u3000-\u3029\u3030-\u3098\u309B-\u30FF\u4E00-\u9FFF\uFF01-\uFF60\uFFFD]*$/;

function cutGraphemes(text: string, max: number): string {
  const starts = clusterStarts(text, max + 1);
  const keepEnd = starts[max - 1];
  return starts.length > max && keepEnd !== undefined
    ? text.slice(0, keepEnd).trimEnd() + ELLIPSIS
    : text;
}

/** Units segmented at a time: each step of V8's segment iterator costs the length of its input. */
const WINDOW = 64;

/**
 * Where the first `count` grapheme clusters start (fewer when the text has fewer), segmenting a
 * window at a time. A cluster boundary depends only on what precedes it and the next character,
 * so every boundary inside a window is real; the window's last cluster may go on past it, and
 * the next window starts there.
 */
function clusterStarts(text: string, count: number): number[] {
  const starts: number[] = [];
  let from = 0;
  let size = WINDOW;
  while (from < text.length && starts.length < count) {
    // Never between the halves of a surrogate pair: the boundary before a character needs all of it.
    const end = Math.min(
      text.length,
      from + size + (isHighSurrogate(text, from + size - 1) ? 1 : 0),
    );
    const found = Array.from(graphemes.segment(text.slice(from, end)), ({ index }) => from + index);
    const sure = end === text.length ? found : found.slice(0, -1);
    if (sure.length === 0) {
      size *= 2;
      continue;
    }
    starts.push(...sure);
    from = end === text.length ? end : (found.at(-1) ?? end);
    size = WINDOW;
  }
  return starts.slice(0, count);
}

function isHighSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff;
}

function cutCodePoints(text: string, max: number): string {
  return (
    Array.from(text.slice(0, max * MAX_UNITS_PER_CHARACTER))
      .slice(0, max - 1)
      .join('')
      .replace(/[\uD800-\uDBFF]$/, '') + ELLIPSIS
  );
}
