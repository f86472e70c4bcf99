import type { Budget } from '../../view/budget';
import { fitDigest } from '../../view/digest-fit';
import { digestAtAll, digestMentions, notNamedInLines } from '../../view/digest-people';
import type { DigestEntry, DigestOptions } from '../chat-platform';
import { writeMarkdownDigest, writeTextDigest } from './digest-write';
import { applyKeyword } from './keyword';
import { resolveMentions } from './mentions';
import { MAX_MESSAGE_BYTES, messageBytes, type DingTalkMessage } from './message';

/**
 * A digest of queued events for one DingTalk robot: text for a text robot, markdown for any
 * other (actionCard included), keyworded like any message (applyKeyword), pinging the union
 * of the entries' mentions, and as many entries from the front as fit 20,000 bytes of body.
 * Pure: no I/O, no clock.
 */
export function renderDingTalkDigest(
  entries: readonly DigestEntry[],
  options: DigestOptions,
): { message: DingTalkMessage; count: number } {
  const write = options.msgtype === 'text' ? writeTextDigest : writeMarkdownDigest;
  const render = (count: number, budget: Budget): DingTalkMessage => {
    const some = entries.slice(0, count);
    const mentions = resolveMentions(digestMentions(some), options.mentions, digestAtAll(some));
    const message = write({
      entries: some,
      t: options.t,
      budget,
      pending: options.pending,
      unmapped: notNamedInLines(mentions.unmapped, some),
      linkMode: options.linkMode,
      mentions,
    });
    return applyKeyword(message, options.keywords);
  };
  return fitDigest(entries.length, render, {
    fits: (message) => messageBytes(message) <= MAX_MESSAGE_BYTES,
  });
}
