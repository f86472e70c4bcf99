import { mentionLine, plainBodyLines } from '../../view/render-blocks';
import { feishuBlocks, pagesOf, plainStyle, type FeishuRenderInput } from './blocks';
import { keywordTag } from './keyword';
import { textMentionTokens } from './mentions';
import type { TextMessage } from './message';

/**
 * `text`: plain text with real line breaks; the headline is the first line (a text message
 * has no title) and links are written out, which Feishu makes clickable. Mentions are
 * `<at user_id="…"></at>`, the one markup a text message parses (feishu-wecom-robot-api.md
 * §1.4, §1.6); user text cannot write one, its "<" is followed by a word joiner.
 */
export function renderText(input: FeishuRenderInput): TextMessage {
  const { t, mentions, keywords } = input;
  const blocks = feishuBlocks(input, plainStyle);
  const heading = keywordTag(keywords, blocks.heading) + blocks.heading;
  const body = [
    ...plainBodyLines(blocks, t),
    ...pagesOf(input).map((page) => `${page.label}${t.colon}${page.url}`),
    mentionLine(t, [...textMentionTokens(mentions), ...blocks.unmappedNames]),
  ].filter((line) => line !== '');
  // A blank line sets the headline apart, as the header does in a card.
  return { msg_type: 'text', content: { text: [heading, '', ...body].join('\n') } };
}
