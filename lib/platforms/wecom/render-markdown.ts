import type { SpanStyle } from '../../view/render-blocks';
import { factParts, pageLinks, wecomBlocks, type WecomRenderInput } from './blocks';
import { escapeWecomMarkdown, safeUrl } from './escape';
import type { WecomMarkdownMessage } from './message';

/** Grey, one of the three colours WeCom markdown has (info green, comment grey, warning orange). */
export function grey(text: string): string {
  return `<font color="comment">${text}</font>`;
}

/** `[label](url)`; the shared renderer shows only the label of a link too long to keep. */
export const markdownStyle: SpanStyle = {
  escape: escapeWecomMarkdown,
  link: (label, url) => `[${label}](${safeUrl(url)})`,
};

/** The heading shows no links: a linked title reads as a link, not a title. */
export const markdownHeadingStyle: SpanStyle = {
  escape: escapeWecomMarkdown,
  link: (label) => label,
};

/**
 * The default WeCom msgtype: `### title` first (the line notifications show), then where, the
 * facts with grey labels, one line per commit, the excerpt as a quote, links, and the mention
 * line where `<@userid>` pings (feishu-wecom-robot-api.md §2.3, §2.4). No lists: WeCom
 * markdown shows "- " as typed. WeCom breaks lines at every "\n", so no blank lines are
 * needed, except after the quote, which would otherwise take the next line in.
 */
export function renderMarkdown(
  input: WecomRenderInput,
  userids: readonly string[],
): WecomMarkdownMessage {
  const { t } = input;
  const blocks = wecomBlocks(input, markdownStyle, markdownHeadingStyle);
  const facts = factParts(input, markdownStyle)
    .map(({ label, value }) => (label ? grey(`${label}${t.colon}`) : '') + value)
    .join(t.separator);
  const links = pageLinks(input)
    .map((page) => markdownStyle.link(page.label, page.url))
    .join(t.separator);
  const mentioned = [...userids.map((id) => `<@${id}>`), ...blocks.unmappedNames];
  const before = [
    `### ${blocks.heading}`,
    blocks.context,
    facts,
    ...blocks.items,
    blocks.more && grey(blocks.more),
    blocks.excerpt && `> ${blocks.excerpt}`,
  ];
  const after = [
    links,
    mentioned.length > 0 ? `${grey(`${t.cc}${t.colon}`)}${mentioned.join(' ')}` : '',
  ];
  return {
    msgtype: 'markdown',
    markdown: { content: joinLines(before, after, blocks.excerpt !== '') },
  };
}

function joinLines(before: readonly string[], after: readonly string[], quoted: boolean): string {
  const head = before.filter((line) => line !== '').join('\n');
  const tail = after.filter((line) => line !== '').join('\n');
  if (tail === '') return head;
  return `${head}${quoted ? '\n\n' : '\n'}${tail}`;
}
