import { mentionLine, plainBodyLines, type SpanStyle } from '../../view/render-blocks';
import { pageLinks, wecomBlocks, type WecomRenderInput } from './blocks';
import { escapeWecomText, safeUrl } from './escape';
import type { WecomTextMessage } from './message';
import type { WecomMentions } from './mentions';

/** Plain text: a link shows its label, and the address goes on its own line below. */
export const textStyle: SpanStyle = { escape: escapeWecomText, link: (label) => label };

/**
 * A plain `text` message: the one msgtype that reaches people by mobile, and the only one
 * with @all (`mentioned_list: ["@all"]`, feishu-wecom-robot-api.md §2.4). WeCom shows the
 * people it pings itself, so the mention line names only those it cannot reach. Addresses are
 * written out; WeCom makes them clickable.
 */
export function renderText(input: WecomRenderInput, mentions: WecomMentions): WecomTextMessage {
  const { t } = input;
  const blocks = wecomBlocks(input, textStyle, textStyle);
  const body = [
    ...plainBodyLines(blocks, t),
    ...pageLinks(input).map((page) => `${page.label}${t.colon}${safeUrl(page.url)}`),
    mentionLine(t, blocks.unmappedNames),
  ].filter((line) => line !== '');
  const userids = [...mentions.userids, ...(mentions.atAll ? ['@all'] : [])];
  return {
    msgtype: 'text',
    text: {
      // A blank line sets the headline apart, as the heading does in markdown.
      content: [blocks.heading, '', ...body].join('\n'),
      ...(userids.length > 0 ? { mentioned_list: userids } : {}),
      ...(mentions.mobiles.length > 0 ? { mentioned_mobile_list: [...mentions.mobiles] } : {}),
    },
  };
}
