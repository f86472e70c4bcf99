/**
 * Template output cut to what the platform takes (issue 12, "Guarantees"): the longest head
 * of the text for which the whole message (keyword and mentions included) fits, cut at a
 * grapheme boundary and never inside a markdown link or image, a tag (a mention, <font>), a
 * character reference or a backslash escape, then "…".
 */
const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Units a cut must not split; each pattern is linear (no nested repetition). */
const ATOM =
  /!?\[(?:\\[\s\S]|[^\\\]\n])*\]\([^()\s]*\)|<[^<>\n]{0,300}>|&#?[A-Za-z0-9]{1,12};|\\[\s\S]/g;
/** No grapheme cluster a message shows is longer (see cutText): only this much is segmented. */
const WINDOW = 64;

/** The message with the most of `text` that fits, or null when not even "…" does. */
export function fitOutput<M>(
  text: string,
  compose: (text: string) => M,
  fits: (message: M) => boolean,
): M | null {
  const whole = compose(text);
  if (fits(whole)) return whole;
  const atoms = atomsOf(text);
  const cutAt = (end: number) =>
    compose(`${text.slice(0, safeEnd(text, end, atoms)).trimEnd()}${ELLIPSIS}`);
  let best = cutAt(0);
  if (!fits(best)) return null;
  // The longest end that fits: the message only grows with the text kept.
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const message = cutAt(middle);
    if (fits(message)) [low, best] = [middle, message];
    else high = middle - 1;
  }
  return best;
}

type Range = readonly [start: number, end: number];

function atomsOf(text: string): Range[] {
  return Array.from(text.matchAll(ATOM), (match) => [match.index, match.index + match[0].length]);
}

/** The last cut at or before `end` that splits no grapheme cluster and no atom. */
function safeEnd(text: string, end: number, atoms: readonly Range[]): number {
  const boundary = graphemeStart(text, end);
  const inside = atoms.find(([start, stop]) => start < boundary && boundary < stop);
  return inside ? inside[0] : boundary;
}

function graphemeStart(text: string, end: number): number {
  if (end <= 0) return 0;
  if (end >= text.length) return text.length;
  const from = Math.max(0, end - WINDOW);
  let start = from;
  for (const { index } of graphemes.segment(
    text.slice(from, Math.min(text.length, end + WINDOW)),
  )) {
    if (from + index > end) break;
    start = from + index;
  }
  return start;
}
