import type { Budget } from '../../view/budget';
import { fitDigest } from '../../view/digest-fit';
import { digestAtAll, digestMentions, notNamedInLines } from '../../view/digest-people';
import type { DigestEntry, DigestOptions } from '../chat-platform';
import { writeMarkdownDigest, writeMarkdownV2Digest } from './digest-markdown';
import { writeTextDigest } from './digest-text';
import { fitsWecomContent } from './limits';
import { resolveWecomMentions } from './mentions';
import type { WecomMessage } from './message';
import { squeezeWecom } from './squeeze';

type DigestMsgtype = 'markdown' | 'markdown_v2' | 'text';

/**
 * A digest of queued events for one WeCom robot: text for a text robot, markdown_v2 for a
 * markdown_v2 one, markdown for the rest (a template card holds one event), with the union of
 * the entries' mentions as that msgtype reaches people, and as many entries from the front
 * as fit the content's bytes (4,096 for markdown, 2,048 for text; §2.5). WeCom has no
 * keywords. Pure: no I/O, no clock.
 */
export function renderWecomDigest(
  entries: readonly DigestEntry[],
  options: DigestOptions,
): { message: WecomMessage; count: number } {
  const msgtype = digestMsgtype(options.msgtype);
  const render = (count: number, budget: Budget): WecomMessage => {
    const some = entries.slice(0, count);
    const mentions = resolveWecomMentions(
      digestMentions(some),
      options.mentions,
      digestAtAll(some),
      msgtype,
    );
    const input = {
      entries: some,
      t: options.t,
      budget,
      pending: options.pending,
      unmapped: notNamedInLines(mentions.unmapped, some),
    };
    switch (msgtype) {
      case 'markdown':
        return writeMarkdownDigest(input, mentions.userids);
      case 'markdown_v2':
        return writeMarkdownV2Digest(input);
      case 'text':
        return writeTextDigest(input, mentions);
    }
  };
  return fitDigest(entries.length, render, {
    // A spread object literal can be read by field name; the interfaces have no index signature.
    fits: (message) => fitsWecomContent({ ...message }),
    squeeze: squeezeWecom,
  });
}

function digestMsgtype(msgtype: string): DigestMsgtype {
  return msgtype === 'text' || msgtype === 'markdown_v2' ? msgtype : 'markdown';
}
