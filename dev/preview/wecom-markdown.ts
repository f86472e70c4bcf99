import { renderWithMentions, useInlineTags } from './inline-tags';
import { createMarkdown } from './markdown-base';

/**
 * WeCom `markdown` (feishu-wecom-robot-api.md §2.3): headings, bold, links, inline code, quotes,
 * the three font colours (info green, comment grey, warning orange-red) and `<@userid>`
 * mentions; lists, images, rules, tables and code blocks show as typed. Every "\n" breaks the
 * line.
 */
const markdown = useInlineTags(createMarkdown({ breaks: true }), {
  fontColours: new Map([
    ['info', 'wecom-info'],
    ['comment', 'wecom-comment'],
    ['warning', 'wecom-warning'],
  ]),
  mentions: 'wecom',
  br: false,
})
  .disable(['lheading', 'list', 'code', 'fence', 'hr', 'table', 'reference', 'html_block'])
  .disable(['image', 'strikethrough', 'autolink', 'html_inline']);

/**
 * `markdown_v2`: CommonMark with tables, lists, images, rules and code blocks, but no colours
 * and no mentions: `<font>` and `<@userid>` show as typed.
 */
const markdownV2 = createMarkdown({ breaks: false }).disable(['html_block', 'html_inline']);

export function renderWecomMarkdown(source: string): { html: string; mentions: string[] } {
  return renderWithMentions(markdown, source);
}

export function renderWecomMarkdownV2(source: string): string {
  return markdownV2.render(source);
}
