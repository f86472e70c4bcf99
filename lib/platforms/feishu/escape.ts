/**
 * Making user text inert in a Feishu message. Commit messages, titles, names, branches and
 * excerpts must not create links, mentions (`<at id=all>` in a PR title would ping the whole
 * group, or make the card fail: feishu-wecom-robot-api.md §1.6, §5 item 11), `<font>` colours,
 * headings, lists or character references. Input is one line already (see oneLine), so only
 * its start can open a block; it is escaped wherever the text lands.
 */

/** Joined after "<" and "&" in plain text: no tag and no reference can start there. */
const WORD_JOINER = '\u2060';
/** Joined into "://" and "www." so clients do not turn a bare address into a link. */
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Card markdown shows a special character through its HTML entity (§1.5.1 lists `&#42;`,
 * `&#60;`, `&#91;`, …). Feishu decodes character references there, so a literal "&" must be
 * one too, `&#38;`: "&lt;" someone typed then shows as typed, and no reference of theirs is
 * decoded. A word joiner after "&" (the DingTalk rule) would also break the reference, but
 * leaves an invisible character in copied text where an entity shows exactly what was typed.
 * Numeric forms only, the kind the doc shows (its `&sim;` is "∼", not "~").
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&#38;',
  '<': '&#60;',
  '>': '&#62;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '#': '&#35;',
  $: '&#36;',
  '|': '&#124;',
  '\\': '&#92;',
};
const MARKDOWN_SPECIAL = /[&<>*_~`[\]()#$|\\]/g;
/**
 * A list item at a line start ("- x", "+ x", "1. x"; the marker needs a space after it, so
 * "1.3" and "-rc" are no list): card markdown has lists (1.0 from client 7.6, 2.0). A word
 * joiner in front means the line no longer starts with the marker. Headings and quotes need
 * "#" and ">", already entities.
 */
const LIST_START = /^(?=(?:[-+]|\d{1,9}[.)])(?:\s|$))/;

function withoutAutoLinks(text: string): string {
  return text
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/**
 * For plain text: `text` messages (which parse `<at user_id="…">`), post text nodes and
 * `plain_text` card fields. Feishu has no `@` syntax, so "@所有人" typed by someone is text.
 */
export function escapeFeishuPlain(text: string): string {
  return withoutAutoLinks(text.replace(/[<&]/g, (char) => `${char}${WORD_JOINER}`));
}

/** For `lark_md` (card 1.0) and the 2.0 `markdown` component. */
export function escapeFeishuMarkdown(text: string): string {
  const escaped = text.replace(MARKDOWN_SPECIAL, (char) => ENTITIES[char] ?? char);
  return withoutAutoLinks(escaped.replace(LIST_START, WORD_JOINER));
}

/** Characters that would end a markdown link target early, percent-encoded. */
export function markdownLinkTarget(url: string): string {
  return url.replace(/[()<>[\]"\s]/g, (char) =>
    // encodeURIComponent leaves ( and ) alone; they close `[label](url)`.
    char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char),
  );
}
