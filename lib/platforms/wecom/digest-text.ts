import { renderDigestBlocks, type DigestBlocksInput } from '../../view/digest-blocks';
import { mentionLine } from '../../view/render-blocks';
import { safeUrl } from './escape';
import type { WecomMentions } from './mentions';
import type { WecomTextMessage } from './message';
import { textStyle } from './render-text';

/**
 * A digest as plain text (2,048 bytes): each repository's name on its own line, one "•" line
 * per event with its address written out, and the pings in `mentioned_list` and
 * `mentioned_mobile_list` ("@all" for everyone), as in a single text message.
 */
export function writeTextDigest(
  input: DigestBlocksInput,
  mentions: WecomMentions,
): WecomTextMessage {
  const { t } = input;
  const blocks = renderDigestBlocks(input, textStyle, textStyle);
  const body = blocks.sections.flatMap((section) => [
    '',
    section.repository,
    ...section.lines.map((line) => `• ${line.label}${line.url ? ` ${safeUrl(line.url)}` : ''}`),
  ]);
  const tail = [blocks.more, mentionLine(t, blocks.unmappedNames)].filter((line) => line !== '');
  const userids = [...mentions.userids, ...(mentions.atAll ? ['@all'] : [])];
  return {
    msgtype: 'text',
    text: {
      content: [blocks.heading, ...body, ...(tail.length > 0 ? ['', ...tail] : [])].join('\n'),
      ...(userids.length > 0 ? { mentioned_list: userids } : {}),
      ...(mentions.mobiles.length > 0 ? { mentioned_mobile_list: [...mentions.mobiles] } : {}),
    },
  };
}
