import { mentionLine } from '../../view/render-blocks';
import { factParts, pageLinks, wecomBlocks, type WecomRenderInput } from './blocks';
import type { WecomMarkdownV2Message } from './message';
import { markdownHeadingStyle, markdownStyle } from './render-markdown';

/**
 * markdown_v2, opt-in: real lists for the facts and commits and a rule above the links, but
 * no colours and no mentions, so everyone is named (feishu-wecom-robot-api.md §2.3: clients
 * before 4.1.36 show it as plain text). Blocks are set apart by blank lines, as CommonMark
 * needs for a paragraph after a list or a quote.
 */
export function renderMarkdownV2(input: WecomRenderInput): WecomMarkdownV2Message {
  const { t } = input;
  const blocks = wecomBlocks(input, markdownStyle, markdownHeadingStyle);
  const facts = factParts(input, markdownStyle).map(
    ({ label, value }) => `- ${label ? `**${label}**${t.colon}` : ''}${value}`,
  );
  const links = pageLinks(input)
    .map((page) => markdownStyle.link(page.label, page.url))
    .join(t.separator);
  const names = blocks.unmappedNames;
  const content = [
    `### ${blocks.heading}`,
    blocks.context,
    facts.join('\n'),
    blocks.items.map((item) => `- ${item}`).join('\n'),
    blocks.more,
    blocks.excerpt && `> ${blocks.excerpt}`,
    links && `---\n\n${links}`,
    mentionLine(t, names),
  ]
    .filter((block) => block !== '')
    .join('\n\n');
  return { msgtype: 'markdown_v2', markdown_v2: { content } };
}
