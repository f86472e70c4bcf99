/**
 * Making user text inert in a WeCom message. WeCom documents no escape mechanism (no
 * backslash escapes, no entities: feishu-wecom-robot-api.md §5 item 11), so a character that
 * could open syntax is swapped for its full-width twin, which reads the same and means nothing.
 * Commit messages, titles, bodies, branch names and comments must not create links, `<font>`
 * tags, `<@userid>` mentions, headings, quotes, lists or emphasis (issue 10, item 1).
 * Input is one line already (see oneLine), so only its start can open a block; the start is
 * escaped wherever the text lands, since an excerpt or list item puts it at a line start.
 */

/** Joined into "://" and "www." so clients do not turn a bare address into a link. */
const ZERO_WIDTH_SPACE = '\u200B';
/**
 * After a literal "&", so no "&lt;" or "&#64;" a user typed is ever read as a character
 * reference (the same rule as DingTalk's): invisible, and "&" stays the character it was.
 */
const WORD_JOINER = '\u2060';

/** `<` opens `<font>`, `<@userid>` and autolinks; `>` opens a quote. */
const ANGLE: Readonly<Record<string, string>> = { '<': '＜', '>': '＞' };

/**
 * Meaningful anywhere in a line of markdown or markdown_v2: links and images (need "["),
 * emphasis, code, strike-through, tables, and a backslash that would take our next character.
 */
const INLINE: Readonly<Record<string, string>> = {
  '[': '［',
  ']': '］',
  '*': '＊',
  '`': '｀',
  '~': '～',
  '|': '｜',
  '\\': '＼',
};
/**
 * An underscore that could open or close emphasis: one not inside a word. `repo_name` and
 * `feat_0` stay as typed (CommonMark never takes an underscore between letters for emphasis,
 * and WeCom's markdown documents no underscore emphasis at all); `_x_` and `__init__` do not.
 */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** Only at a line start: heading, list item, rule or setext underline ("=" / "-"). */
const BLOCK: Readonly<Record<string, string>> = { '#': '＃', '-': '－', '+': '＋', '=': '＝' };
const ORDERED = /^(\d{1,9})([.)])(?=\s|$)/;

/** For `text` messages and template cards: no mention, tag, address or reference. */
export function escapeWecomText(text: string): string {
  return text
    .replace(/[<>]/g, (char) => ANGLE[char] ?? char)
    .replace(/&/g, `&${WORD_JOINER}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/** For `markdown` and `markdown_v2` content: as text, plus every markdown opener. */
export function escapeWecomMarkdown(text: string): string {
  const inline = escapeWecomText(text)
    .replace(/[[\]*`~|\\]/g, (char) => INLINE[char] ?? char)
    .replace(EMPHASIS_UNDERSCORE, '＿');
  return inline
    .replace(/^[#\-+=]/, (char) => BLOCK[char] ?? char)
    .replace(ORDERED, (_match, digits: string, mark: string) =>
      mark === '.' ? `${digits}．` : `${digits}）`,
    );
}

/** Characters that would end a markdown link target early or open a tag, percent-encoded. */
export function safeUrl(url: string): string {
  return url.replace(/[()<>[\]"\s]/g, (char) =>
    // encodeURIComponent leaves ( and ) alone; they close `[label](url)`.
    char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char),
  );
}
