import type { MarkdownMessage } from './message';
import type { LinkMode } from '../../settings/types';
import { escapeMarkdown } from './escape';
import { mentionLine, pageLinksOf, renderBlocks, type SpanStyle } from '../../view/render-blocks';
import { atField, renderTitle, type RenderInput } from './render-input';
import { markdownSafeUrl, wrapLink } from './wrap-link';

/** DingTalk's own token for @everyone; actionCard needs it in the body (robot API §5). */
const AT_ALL_TOKEN = '@所有人';

export function renderMarkdown(input: RenderInput): MarkdownMessage {
  return {
    msgtype: 'markdown',
    markdown: {
      title: renderTitle(input),
      text: markdownText(input, { links: true, atAll: false }),
    },
    ...atField(input.mentions),
  };
}

/**
 * The markdown body shared with actionCard. DingTalk joins lines split by a single "\n", so
 * every paragraph and list item is separated by a blank line; no tables, code or rules; the
 * title is repeated as a heading because DingTalk shows `title` only in notifications
 * (dingtalk-robot-api.md §5).
 */
export function markdownText(input: RenderInput, options: { links: boolean; atAll: boolean }) {
  const { t, mentions } = input;
  const style = markdownStyle(input.linkMode);
  const blocks = renderBlocks(input, style, { escape: escapeMarkdown, link: (label) => label });
  const links = options.links
    ? pageLinksOf(input)
        .map((page) => style.link(page.label, page.url))
        .join(t.separator)
    : '';
  const mentioned = [
    ...(options.atAll && mentions.atAll ? [AT_ALL_TOKEN] : []),
    ...mentions.tokens,
    ...blocks.unmappedNames,
  ];
  return [
    `#### ${blocks.heading}`,
    blocks.context,
    blocks.facts,
    ...blocks.items.map((item) => `- ${item}`),
    blocks.more,
    blocks.excerpt && `> ${blocks.excerpt}`,
    links,
    mentionLine(t, mentioned),
  ]
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Markdown user text and `[label](target)` links, wrapped for the link mode (digests too). */
export function markdownStyle(linkMode: LinkMode): SpanStyle {
  return {
    escape: escapeMarkdown,
    link: (label, url) => `[${label}](${markdownSafeUrl(wrapLink(url, linkMode))})`,
  };
}
