/**
 * Hostile text for the formatter benchmark: every Markdown construct an excerpt cleaner or an
 * escaper looks at, repeated without its closer (the case that makes a backtracking regex try
 * every start against the rest of the line), long lines, deep nesting, and the characters
 * that need care (combining marks, joiners, lone surrogates, bidi overrides, entities).
 */
export const MIB = 1024 * 1024;

/** Repeated openers and half-constructs: each on one long line. */
const UNITS = [
  '![',
  '[',
  '](',
  '[a](',
  '![a](',
  '[a]',
  '[a](b',
  '**',
  '*',
  '**a ',
  '*a ',
  '__',
  '_a ',
  '~~',
  '~~a ',
  '`',
  '``',
  '`a',
  '<',
  '<a',
  '<a ',
  '@a',
  '@a.',
  '@a-.',
  '&amp;',
  '&',
  '\\',
  '|',
  '#',
  '> ',
  '- ',
  '1. ',
  'https://',
  'www.',
  ':',
  'a',
  '分',
  ' ',
  '\t',
  '\u0301',
  '👨\u200D',
  '\uD800',
  '\uDC00x',
  '\u202E',
  '\u0000',
];

/** Units that make sense once per line: block syntax, fences, rules, empty lines. */
const LINES = ['\n', '\r\n', '```\n', '~~~\n', '---\n', '# a\n', '> a\n', '- [ ] a\n', '1) a\n'];

/** `unit` repeated until the text takes about `bytes` bytes of UTF-8 (a JSON string, roughly). */
export function fill(unit: string, bytes: number): string {
  // As written in a JSON body: escapes such as \u0000 count six bytes.
  const unitBytes = Math.max(1, Buffer.byteLength(JSON.stringify(unit).slice(1, -1), 'utf8'));
  return unit.repeat(Math.max(1, Math.floor(bytes / unitBytes)));
}

/** `open` × n, then "a", then `close` × n: about `bytes` in all. */
function wrapped(open: string, close: string, bytes: number): string {
  const depth = Math.max(1, Math.floor(bytes / (open.length + close.length)));
  return `${open.repeat(depth)}a${close.repeat(depth)}`;
}

/** Deep nesting: `[[[[a](x)](x)](x)`, `****a****`, `> > > a`, indented lists, HTML. */
function nested(bytes: number): Record<string, string> {
  const list = Array.from({ length: 100 }, (_, level) => `${'  '.repeat(level)}- a`).join('\n');
  return {
    'nested links': wrapped('[', '](x)', bytes),
    'nested images': wrapped('![', '](x)', bytes),
    'nested emphasis': wrapped('**', '**', bytes),
    'nested strike and code': wrapped('~~`', '`~~', bytes),
    'nested quotes': fill(`${'> '.repeat(1000)}a\n`, bytes),
    'nested lists': fill(`${list}\n`, bytes),
    'nested HTML': wrapped('<div>', '</div>', bytes),
  };
}

/** Every hostile text of about `bytes` bytes, by name. */
export function hostileTexts(bytes: number): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const unit of UNITS) texts[`repeated ${JSON.stringify(unit)}`] = fill(unit, bytes);
  for (const unit of LINES) texts[`lines of ${JSON.stringify(unit)}`] = fill(unit, bytes);
  for (const [name, text] of Object.entries(nested(bytes))) texts[name] = text;
  texts['every construct, one long line'] = fill(UNITS.join(''), bytes);
  texts['every construct, short lines'] = fill(`${UNITS.join(' x ')}\n`, bytes);
  texts['prose with a link and bold, as one long line'] = fill(
    '见 [设计文档](https://gitee.com/acme/doc) 与 **重要** 的 `code`，',
    bytes,
  );
  return texts;
}
