/**
 * Gitee issue, pull request and comment bodies are Markdown. An excerpt is one line of prose,
 * so the syntax is dropped before the text is escaped for DingTalk: otherwise a reader sees
 * `\*\*重要\*\*` and `## 背景` where the author wrote bold and a heading. Lossy on purpose:
 * this is a preview that links to the full text, not a Markdown parser.
 */
const LINE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/^\s{0,3}(```|~~~).*$/, ''], // code fences: the code stays, the fence goes
  [/^\s{0,3}([-*_])(\s*\1){2,}\s*$/, ''], // horizontal rules
  [/^\s{0,3}#{1,6}\s+/, ''], // headings
  [/^\s{0,3}(>\s?)+/, ''], // quotes
  [/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, '• '], // list items (and task boxes) as bullets
];

const INLINE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/<[^>\n]{1,200}>/g, ' '], // HTML tags such as <br> or <img …>
  [/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1'], // images: their alt text
  [/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1'], // links: their text
  [/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2'], // bold
  [/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2'], // *italic*; snake_case is left alone
  [/~~(?=\S)([^\n]*?\S)~~/g, '$1'], // strikethrough
  [/`+([^`\n]+)`+/g, '$1'], // inline code
];

export function plainExcerpt(markdown: string | null | undefined): string {
  if (typeof markdown !== 'string') return '';
  return markdown
    .split(/\r?\n/)
    .map((line) => LINE_RULES.reduce((text, [rule, to]) => text.replace(rule, to), line))
    .map((line) => INLINE_RULES.reduce((text, [rule, to]) => text.replace(rule, to), line))
    .join('\n');
}
