import { mentionLine, plainBodyLines } from '../../view/render-blocks';
import { feishuBlocks, pagesOf, footerText, markdownStyle, type FeishuRenderInput } from './blocks';
import { keywordTag, visibleMarkdown } from './keyword';
import { cardMentionTokens } from './mentions';
import type { CardButton, CardElement, InteractiveMessage } from './message';

/**
 * The default: a Card JSON 1.0, which every client renders (2.0 needs client 7.20). The header
 * carries the headline in the event's colour; one `lark_md` div holds the rest, one line per
 * part since lark_md is inline-only (no lists, headings or quotes); buttons open the Gitee
 * pages; a note names the source (feishu-wecom-robot-api.md §1.5.1, §6).
 */
export function renderCard(input: FeishuRenderInput): InteractiveMessage {
  const { t, mentions, tone, keywords } = input;
  const blocks = feishuBlocks(input, markdownStyle);
  const body = [
    ...plainBodyLines(blocks, t),
    mentionLine(t, [...cardMentionTokens(mentions), ...blocks.unmappedNames]),
  ]
    .filter((line) => line !== '')
    .join('\n');
  const footer = footerText(input);
  const buttons: CardButton[] = pagesOf(input).map((page, index) => ({
    tag: 'button',
    text: { tag: 'plain_text', content: page.label },
    type: index === 0 ? 'primary' : 'default',
    url: page.url,
  }));
  const elements: CardElement[] = [
    ...(body === '' ? [] : [{ tag: 'div', text: { tag: 'lark_md', content: body } } as const]),
    ...(buttons.length === 0 ? [] : [{ tag: 'action', actions: buttons } as const]),
    {
      tag: 'note',
      elements: [
        {
          tag: 'plain_text',
          content: keywordTag(keywords, `${visibleMarkdown(body)}\n${footer}`) + footer,
        },
      ],
    },
  ];
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: {
        template: tone.template,
        title: {
          tag: 'plain_text',
          content: keywordTag(keywords, blocks.heading) + blocks.heading,
        },
      },
      elements,
    },
  };
}
