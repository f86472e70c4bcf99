/**
 * Making user text inert in a DingTalk message. Commit messages, titles, bodies, branch names
 * and comments must not create links, images, headings, lists, quotes, emphasis, HTML/<font>
 * tags or @mentions (issue 3; dingtalk-robot-api.md §5 "Markdown subset" and "@ mentions").
 * Input is one line already (see oneLine), so only its start can open a block; the start is
 * escaped wherever the text lands, since an excerpt or list item puts it at a line start.
 */

/** Joined to "@" so DingTalk sees no `@13800000000` / `@userId` token: no one is pinged. */
const ZERO_WIDTH_JOINER = '\u200D';
/** Joined into "://" and "www." so clients do not turn a bare address into a link. */
const ZERO_WIDTH_SPACE = '\u200B';
/**
 * After "&", so "&amp;" or "&#64;" someone typed shows as typed and starts no character
 * reference, whether or not a client decodes entities (issue 9, item 5).
 */
const WORD_JOINER = '\u2060';

/**
 * Characters that mean something anywhere in a line: emphasis, code, strike-through, links
 * and images (both need "["; "!", "(" and ")" mean nothing without it), HTML and <font> tags
 * (need "<"), tables. Escaping no more than needed keeps the text readable.
 */
const INLINE_SPECIAL = /[\\`*_[\]~<|]/g;
/** What opens a block, only at a line start: heading, quote, list item, "---" rule. */
const BLOCK_START = /^([#>+-])|^(\d{1,9})([.)])(?=\s|$)/;

/** For plain text (the title, `text` messages): no mentions, no auto-links, no entities. */
export function escapePlainText(text: string): string {
  return text
    .replace(/&/g, `&${WORD_JOINER}`)
    .replace(/@/g, `@${ZERO_WIDTH_JOINER}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/** For markdown (`markdown` and `actionCard` text): backslash-escapes, then as plain text. */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(BLOCK_START, (_match, block?: string, digits?: string, mark?: string) =>
      block ? `\\${block}` : `${digits ?? ''}\\${mark ?? ''}`,
    );
  return escapePlainText(escaped);
}
