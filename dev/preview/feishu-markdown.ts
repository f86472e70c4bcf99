import { FEISHU_TEMPLATES } from './types';
import { renderWithMentions, useInlineTags, type InlineTags } from './inline-tags';
import { createMarkdown, imagesAsPlaceholders } from './markdown-base';

/**
 * Feishu card markdown in its three dialects (feishu-wecom-robot-api.md §1.5). Each decodes
 * character references (`&#42;` shows "*"), colours `<font color='…'>` with Feishu's colour
 * names, and shows `<at id=…></at>` as a mention.
 */
const TAGS: InlineTags = {
  fontColours: new Map(FEISHU_TEMPLATES.map((name) => [name, `font-${name}`])),
  mentions: 'feishu',
  br: true,
};

/** `lark_md` in a 1.0 `div`: inline only, "\n" breaks the line (§1.5.1). */
const larkMd = useInlineTags(createMarkdown({ breaks: true }), TAGS)
  .disable(['heading', 'lheading', 'list', 'blockquote', 'code', 'fence', 'hr', 'table'])
  .disable(['reference', 'html_block', 'backticks', 'autolink', 'html_inline', 'image']);

/** A 1.0 `markdown` element: lists, code blocks and rules too; headings, quotes, tables are 2.0's. */
const card1Markdown = imagesAsPlaceholders(
  useInlineTags(createMarkdown({ breaks: true }), TAGS)
    .disable(['heading', 'lheading', 'blockquote', 'table', 'code', 'reference', 'html_block'])
    .disable(['autolink', 'html_inline']),
);

/**
 * The 2.0 `markdown` component: CommonMark but setext headings, indented code and HTML blocks,
 * plus tables. One "\n" is a soft break there (§1.5.2), so it shows as a space.
 */
const card2Markdown = imagesAsPlaceholders(
  useInlineTags(createMarkdown({ breaks: false }), TAGS)
    .disable(['lheading', 'code', 'reference', 'html_block'])
    .disable(['autolink', 'html_inline']),
);

export type FeishuDialect = 'lark_md' | 'card1' | 'card2';

const DIALECTS = { lark_md: larkMd, card1: card1Markdown, card2: card2Markdown } as const;

export function renderFeishuMarkdown(
  source: string,
  dialect: FeishuDialect,
): { html: string; mentions: string[] } {
  return renderWithMentions(DIALECTS[dialect], source);
}
