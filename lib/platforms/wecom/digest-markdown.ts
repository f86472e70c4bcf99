import {
  renderDigestBlocks,
  type DigestBlocksInput,
  type DigestLine,
} from '../../view/digest-blocks';
import { mentionLine } from '../../view/render-blocks';
import type { WecomMarkdownMessage, WecomMarkdownV2Message } from './message';
import { grey, markdownHeadingStyle, markdownStyle } from './render-markdown';

function linked(line: DigestLine): string {
  return line.url ? markdownStyle.link(line.label, line.url) : line.label;
}

/**
 * A digest as WeCom markdown (for markdown and template_card robots: a card holds one event):
 * `### title` first, each repository in bold, one "•" line per event linking its page (WeCom
 * markdown has no lists and breaks lines at every "\n"), then "N more follow" in grey and the
 * mention line with the `<@userid>` tokens that ping (feishu-wecom-robot-api.md §2.3, §2.4).
 */
export function writeMarkdownDigest(
  input: DigestBlocksInput,
  userids: readonly string[],
): WecomMarkdownMessage {
  const { t } = input;
  const blocks = renderDigestBlocks(input, markdownStyle, markdownHeadingStyle);
  const mentioned = [...userids.map((id) => `<@${id}>`), ...blocks.unmappedNames];
  const content = [
    `### ${blocks.heading}`,
    ...blocks.sections.flatMap((section) => [
      `**${section.repository}**`,
      ...section.lines.map((line) => `• ${linked(line)}`),
    ]),
    blocks.more && grey(blocks.more),
    mentioned.length > 0 ? `${grey(`${t.cc}${t.colon}`)}${mentioned.join(' ')}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { msgtype: 'markdown', markdown: { content } };
}

/**
 * A digest as markdown_v2, for robots that chose it: a real list per repository, blocks set
 * apart by blank lines as CommonMark needs. markdown_v2 pings nobody, so everyone is named.
 */
export function writeMarkdownV2Digest(input: DigestBlocksInput): WecomMarkdownV2Message {
  const { t } = input;
  const blocks = renderDigestBlocks(input, markdownStyle, markdownHeadingStyle);
  const content = [
    `### ${blocks.heading}`,
    ...blocks.sections.flatMap((section) => [
      `**${section.repository}**`,
      section.lines.map((line) => `- ${linked(line)}`).join('\n'),
    ]),
    blocks.more,
    mentionLine(t, blocks.unmappedNames),
  ]
    .filter((block) => block !== '')
    .join('\n\n');
  return { msgtype: 'markdown_v2', markdown_v2: { content } };
}
