import type { Budget } from '../../view/budget';
import { fitToLimit, type UrlLimits } from '../../view/fit-ladder';
import { FEISHU_LIMITS } from './limits';

/**
 * `any`: pageUrl builds no longer address; this only keeps out a repository's own.
 * `short`: a card carries each link twice (in the text and as a button): three of them leave
 * room, so the floor fits whatever the payload: besides them only our own words, the
 * operator's keyword and at most 20 mention ids.
 */
const URLS: UrlLimits = { any: FEISHU_LIMITS.bodyBytes, short: 1000 };

/**
 * The richest rendering for which `fits` holds, by the ladder of fitToLimit measured with
 * Feishu's own limit. Never fails.
 */
export function fitWithin<M>(
  render: (budget: Budget) => M,
  maxItems: number,
  fits: (message: M) => boolean,
): M {
  return fitToLimit(render, maxItems, { fits, urls: URLS });
}
