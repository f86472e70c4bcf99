import { mentionLine } from '../../view/render-blocks';
import { feishuBlocks, pagesOf, footerText, markdownStyle, type FeishuRenderInput } from './blocks';
import { keywordTag, visibleMarkdown } from './keyword';
import { cardMentionTokens } from './mentions';
import type { Card2Button, Card2Markdown, InteractiveMessage } from './message';

/**
 * `interactive2`: the same card as Card JSON 2.0 (opt-in, client 7.20 or later). 2.0 rejects
 * unknown properties and has no `note` or `action`, so buttons sit in `body.elements` with an
 * open_url behaviour and the footer is small grey markdown. One "\n" in 2.0 markdown is a soft
 * break that may vanish, so paragraphs are split by "\n\n"; the commits are a real list
 * (feishu-wecom-robot-api.md §1.5.2).
 */
export function renderCard2(input: FeishuRenderInput): InteractiveMessage {
  const { t, mentions, tone, keywords } = input;
  const blocks = feishuBlocks(input, markdownStyle);
  const body = [
    blocks.context,
    blocks.facts,
    blocks.items.map((item) => `- ${item}`).join('\n'),
    blocks.more,
    blocks.excerpt && `> ${blocks.excerpt}`,
    mentionLine(t, [...cardMentionTokens(mentions), ...blocks.unmappedNames]),
  ]
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  const footer = footerText(input);
  const tag = keywordTag(keywords, `${visibleMarkdown(body)}\n${footer}`);
  const buttons: Card2Button[] = pagesOf(input).map((page, index) => ({
    tag: 'button',
    text: { tag: 'plain_text', content: page.label },
    type: index === 0 ? 'primary' : 'default',
    behaviors: [{ type: 'open_url', default_url: page.url }],
  }));
  const note: Card2Markdown = {
    tag: 'markdown',
    content: `<font color='grey'>${tag}${footer}</font>`,
    text_size: 'notation',
  };
  return {
    msg_type: 'interactive',
    card: {
      schema: '2.0',
      config: { update_multi: true },
      header: {
        template: tone.template,
        title: {
          tag: 'plain_text',
          content: keywordTag(keywords, blocks.heading) + blocks.heading,
        },
      },
      body: {
        elements: [
          ...(body === '' ? [] : [{ tag: 'markdown', content: body } as const]),
          ...buttons,
          note,
        ],
      },
    },
  };
}
