import type { Budget } from '../../view/budget';
import { fitDigest } from '../../view/digest-fit';
import { digestAtAll, digestMentions, notNamedInLines } from '../../view/digest-people';
import type { DigestEntry, DigestOptions } from '../chat-platform';
import { writeCardDigest } from './digest-card';
import { fitsFeishuBody } from './limits';
import { resolveFeishuMentions } from './mentions';
import type { FeishuMessage } from './message';

/**
 * A digest of queued events for one Feishu robot: a 1.0 card for every msgtype, keyworded,
 * pinging the union of the entries' mentions, with as many entries from the front as fit
 * 20,000 bytes of signed body (measured as signed, as render does: the secret is not known
 * here). Pure: no I/O, no clock.
 */
export function renderFeishuDigest(
  entries: readonly DigestEntry[],
  options: DigestOptions,
): { message: FeishuMessage; count: number } {
  const render = (count: number, budget: Budget): FeishuMessage => {
    const some = entries.slice(0, count);
    const mentions = resolveFeishuMentions(
      digestMentions(some),
      options.mentions,
      digestAtAll(some),
    );
    return writeCardDigest({
      entries: some,
      t: options.t,
      budget,
      pending: options.pending,
      unmapped: notNamedInLines(mentions.unmapped, some),
      mentions,
      keywords: options.keywords,
    });
  };
  return fitDigest(entries.length, render, {
    fits: (message) => fitsFeishuBody(message, { signed: true }),
  });
}
