import { cutText, headOf, oneLine } from './cut-text';

/**
 * Gitee issue, pull request and comment bodies are Markdown. An excerpt is one line of prose,
 * so the syntax is dropped before the text is escaped for DingTalk: otherwise a reader sees
 * `\*\*重要\*\*` and `## 背景` where the author wrote bold and a heading. Lossy on purpose:
 * this is a preview that links to the full text, not a Markdown parser.
 *
 * Anyone who can comment chooses the body, up to a whole request (1 MiB). So only a small
 * multiple of the excerpt is read, and every rule below is linear: a span's content cannot
 * run past the next opener of its kind, so no start rescans the rest of the line (issue 9).
 */
const READ_UNITS_PER_CHARACTER = 8;

const LINE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/^\s{0,3}(```|~~~).*$/, ''], // code fences: the code stays, the fence goes
  [/^\s{0,3}([-*_])(\s*\1){2,}\s*$/, ''], // horizontal rules
  [/^\s{0,3}#{1,6}\s+/, ''], // headings
  [/^\s{0,3}(>\s?)+/, ''], // quotes
  [/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, '• '], // list items (and task boxes) as bullets
];

/** A link target: no parentheses, or one balanced pair (`…/foo_(bar)`). */
const TARGET = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)`;

const INLINE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/<[^<>\n]{1,200}>/g, ' '], // HTML tags such as <br> or <img …>
  [new RegExp(String.raw`!\[([^[\]\n]*)\]${TARGET}`, 'g'), '$1'], // images: their alt text
  [new RegExp(String.raw`\[([^[\]\n]+)\]${TARGET}`, 'g'), '$1'], // links: their text
  [/\*\*(?=\S)((?:[^*\n]|\*(?!\*))*?\S)\*\*/g, '$1'], // **bold**
  [/__(?=\S)((?:[^_\n]|_(?!_))*?\S)__/g, '$1'], // __bold__
  [/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2'], // *italic*; snake_case is left alone
  [/~~(?=\S)((?:[^~\n]|~(?!~))*?\S)~~/g, '$1'], // strikethrough
  [/(?<!`)(`+)([^`\n]+)\1(?!`)/g, '$2'], // inline code, between equal runs of backticks
];

/** Emphasis or code opened in the part read, its closer beyond it. */
const UNCLOSED_OPENER = /(^|\s)(\*{1,2}|__|~~|`+)(?=\S)/g;

/** At most `max` characters of prose from a Markdown body; "…" when there is more. */
export function plainExcerpt(markdown: string | null | undefined, max: number): string {
  if (typeof markdown !== 'string' || max <= 0) return '';
  const head = headOf(markdown, max * READ_UNITS_PER_CHARACTER);
  const cut = head.length < markdown.length;
  const lines = head.split(/\r?\n/);
  if (cut) lines.push(textOfOpenLink(lines.pop() ?? ''));
  const clean = lines.map(cleanLine);
  if (cut) clean.push((clean.pop() ?? '').replace(UNCLOSED_OPENER, '$1'));
  const prose = oneLine(clean.join('\n'));
  if (prose === '') return '';
  return cutText(cut ? `${prose}…` : prose, max);
}

function cleanLine(line: string): string {
  const block = LINE_RULES.reduce((text, [rule, to]) => text.replace(rule, to), line);
  return INLINE_RULES.reduce((text, [rule, to]) => text.replace(rule, to), block);
}

/**
 * The cut ran through a link, image or tag: keep the text a reader would see of it (a link's
 * words, an image's alt text) and drop the syntax and the half address.
 */
function textOfOpenLink(line: string): string {
  const tag = line.lastIndexOf('<');
  if (tag !== -1 && !line.includes('>', tag) && /^<\/?[A-Za-z!]/.test(line.slice(tag))) {
    return textOfOpenLink(line.slice(0, tag));
  }
  const open = line.lastIndexOf('[');
  if (open === -1) return line;
  const shown = /^\[([^\]\n]*)(?:\]\([^)\n]*)?$/.exec(line.slice(open));
  if (!shown) return line;
  const start = line[open - 1] === '!' ? open - 1 : open;
  return line.slice(0, start) + (shown[1] ?? '');
}
