import type { Budget } from '../../view/budget';
import { fitToLimit, fullBudget as fullLadderBudget, type UrlLimits } from '../../view/fit-ladder';
import { WECOM_CONTENT_BYTES } from './limits';

/**
 * `any`: an address longer than the whole content could never be sent.
 * `short`: the last resort's links: three of them leave room in even a 2,048-byte text message.
 */
const URLS: UrlLimits = { any: WECOM_CONTENT_BYTES.markdown, short: 300 };

/** The budget a message starts from: everything, with up to `maxItems` commits. */
export function fullBudget(maxItems: number): Budget {
  return fullLadderBudget(maxItems, URLS);
}

/**
 * The richest rendering for which `fits` holds, by the ladder of fitToLimit measured by the
 * platform's own limit. Should even the floor not fit (a name of giant grapheme clusters in
 * every place of a text message's 2,048 bytes, say), `squeeze` cuts it to size, so this never fails.
 */
export function fitWithin<M>(
  render: (budget: Budget) => M,
  fits: (message: M) => boolean,
  squeeze: (message: M) => M,
  maxItems: number,
): M {
  return fitToLimit(render, maxItems, { fits, urls: URLS, squeeze });
}
