import {
  renderDigestBlocks,
  type DigestBlocksInput,
  type DigestLine,
} from '../../view/digest-blocks';
import { mentionLine } from '../../view/render-blocks';
import { markdownStyle, plainStyle } from './blocks';
import { keywordTag, visibleMarkdown } from './keyword';
import { cardMentionTokens, type FeishuMentions } from './mentions';
import type { CardElement, InteractiveMessage } from './message';

/** What the Feishu digest writer gets: the neutral input, the mentions and the keywords. */
export interface FeishuDigestInput extends DigestBlocksInput {
  mentions: FeishuMentions;
  keywords: readonly string[];
}

const FOOTER = 'Gitee';

/**
 * A digest as a Card JSON 1.0, whatever the robot's msgtype: every client renders it, and
 * one `lark_md` line per event reads as a list where a post or a text would be a wall. The
 * header carries the title; one `lark_md` div per repository, its name in bold and a line
 * per event linking its page; then "N more follow" and the mention line with `<at id=…>`
 * tokens; the keyword in header and note as in a single card (feishu-wecom-robot-api.md
 * §1.2, §1.5.1). No buttons: each line is its own link.
 */
export function writeCardDigest(input: FeishuDigestInput): InteractiveMessage {
  const { t, mentions, keywords } = input;
  const blocks = renderDigestBlocks(input, markdownStyle, plainStyle);
  const line = (one: DigestLine) =>
    `• ${one.url ? markdownStyle.link(one.label, one.url) : one.label}`;
  const sections = blocks.sections.map((section) =>
    [`**${section.repository}**`, ...section.lines.map(line)].join('\n'),
  );
  const closing = [
    blocks.more,
    mentionLine(t, [...cardMentionTokens(mentions), ...blocks.unmappedNames]),
  ]
    .filter((text) => text !== '')
    .join('\n');
  const divs: CardElement[] = [...sections, closing]
    .filter((content) => content !== '')
    .map((content) => ({ tag: 'div', text: { tag: 'lark_md', content } }));
  const visible = divs.map((div) => (div.tag === 'div' ? visibleMarkdown(div.text.content) : ''));
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: {
        template: 'blue',
        title: {
          tag: 'plain_text',
          content: keywordTag(keywords, blocks.heading) + blocks.heading,
        },
      },
      elements: [
        ...divs,
        {
          tag: 'note',
          elements: [
            {
              tag: 'plain_text',
              content: keywordTag(keywords, `${visible.join('\n')}\n${FOOTER}`) + FOOTER,
            },
          ],
        },
      ],
    },
  };
}
