import type { TextMessage } from './message';
import { mentionLine, pageLinksOf, plainBodyLines, renderBlocks } from '../../view/render-blocks';
import { atField, plainStyle, type RenderInput } from './render-input';

/**
 * A plain `text` message with the same content: no markdown syntax, real line breaks, links
 * written out so DingTalk makes them clickable. DingTalk renders mentions of a text message
 * from `at` itself, so the mention line names only people without a DingTalk identity.
 * Links stay https:// even with `linkMode: browser`: DingTalk turns web addresses in plain text
 * into links, and nothing says it does so for a dingtalk:// address.
 */
export function renderText(input: RenderInput): TextMessage {
  const { t } = input;
  const blocks = renderBlocks(input, plainStyle, plainStyle);
  const body = [
    ...plainBodyLines(blocks, t),
    ...pageLinksOf(input).map((page) => `${page.label}${t.colon}${page.url}`),
    mentionLine(t, blocks.unmappedNames),
  ].filter((line) => line !== '');
  // A blank line sets the headline apart, as the heading does in markdown.
  return {
    msgtype: 'text',
    text: { content: [blocks.heading, '', ...body].join('\n') },
    ...atField(input.mentions),
  };
}
