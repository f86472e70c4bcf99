import type MarkdownIt from 'markdown-it';
import { mentionHtml } from './html';

/**
 * The few HTML-looking tags Feishu card markdown and WeCom markdown give meaning to, read by
 * markdown-it while its own HTML input stays off: everything else that looks like a tag is
 * shown as typed, as those clients show it.
 */
export interface InlineTags {
  /** `<font color="…">` values the client colours, to the class the page styles them with. */
  fontColours: ReadonlyMap<string, string>;
  /** Feishu `<at id=…></at>` / `<at ids=a,b></at>`, WeCom `<@userid>`. */
  mentions: 'feishu' | 'wecom';
  /** `<br>` is a line break (Feishu card markdown). */
  br: boolean;
}

type Markdown = MarkdownIt.MarkdownIt;
type StateInline = MarkdownIt.StateInline;

interface Matcher {
  pattern: RegExp;
  /** Whether the client gives this match meaning here; otherwise it is text. Default yes. */
  accepts?(match: RegExpExecArray, state: StateInline): boolean;
  push(state: StateInline, match: RegExpExecArray): void;
}

/** Feishu shows the member's name; the preview knows only the id, and `all` is everyone. */
function feishuMentions(ids: string): string[] {
  return ids
    .split(',')
    .filter((id) => id !== '')
    .map((id) => (id === 'all' ? '@所有人' : `@${id}`));
}

/**
 * Fonts open so far in this run of inline text. A close with none open is text: markdown-it
 * cannot take a closing token it has no opening for.
 */
function openFonts(state: StateInline): number {
  let open = 0;
  for (const token of state.tokens) {
    if (token.type === 'font_open') open += 1;
    else if (token.type === 'font_close') open -= 1;
  }
  return open;
}

function pushMention(state: StateInline, shown: string): void {
  state.push('mention', '', 0).content = shown;
}

function matchersFor(tags: InlineTags): Matcher[] {
  const matchers: Matcher[] = [
    {
      pattern: /<font\s+color\s*=\s*(["']?)([\w-]+)\1\s*>/y,
      accepts: (match) => tags.fontColours.has(match[2] ?? ''),
      push(state, match) {
        state
          .push('font_open', 'span', 1)
          .attrSet('class', tags.fontColours.get(match[2] ?? '') ?? '');
      },
    },
    {
      pattern: /<\/font\s*>/y,
      accepts: (_match, state) => openFonts(state) > 0,
      push: (state) => void state.push('font_close', 'span', -1),
    },
  ];
  if (tags.br) {
    matchers.push({
      pattern: /<br\s*\/?>/y,
      push: (state) => void state.push('hardbreak', 'br', 0),
    });
  }
  if (tags.mentions === 'feishu') {
    matchers.push({
      pattern: /<at\s+ids?\s*=\s*(["']?)([^"'<>\s]+)\1\s*>[^<]*<\/at>/y,
      push(state, match) {
        for (const shown of feishuMentions(match[2] ?? '')) pushMention(state, shown);
      },
    });
  } else {
    matchers.push({
      pattern: /<@([^<>\s]+)>/y,
      push: (state, match) => pushMention(state, `@${match[1] ?? ''}`),
    });
  }
  return matchers;
}

/**
 * Adds the tags to `md`. A `</font>` with nothing open shows as typed and an unclosed one is
 * closed at the end of its paragraph, so a stray tag cannot unbalance the page.
 */
export function useInlineTags(md: Markdown, tags: InlineTags): Markdown {
  const matchers = matchersFor(tags);
  md.inline.ruler.before('autolink', 'chat_tags', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
    for (const matcher of matchers) {
      matcher.pattern.lastIndex = state.pos;
      const match = matcher.pattern.exec(state.src);
      if (match === null || matcher.accepts?.(match, state) === false) continue;
      // In silent mode (markdown-it looking ahead) only the length counts.
      if (!silent) matcher.push(state, match);
      state.pos += match[0].length;
      return true;
    }
    return false;
  });
  md.core.ruler.push('close_fonts', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || block.children === null) continue;
      const open = block.children.reduce(
        (depth, token) =>
          depth + (token.type === 'font_open' ? 1 : token.type === 'font_close' ? -1 : 0),
        0,
      );
      for (let left = open; left > 0; left -= 1) {
        block.children.push(new state.Token('font_close', 'span', -1));
      }
    }
  });
  md.renderer.rules.mention = (tokens, idx) => mentionHtml(tokens[idx]?.content ?? '');
  return md;
}

/** Rendered HTML and the mentions it shows, in order. */
export function renderWithMentions(
  md: Markdown,
  source: string,
): { html: string; mentions: string[] } {
  const tokens = md.parse(source, {});
  const mentions = tokens
    .flatMap((token) => token.children ?? [])
    .filter((token) => token.type === 'mention')
    .map((token) => token.content);
  return { html: md.renderer.render(tokens, md.options, {}), mentions };
}
