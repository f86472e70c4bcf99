import { MAX_MESSAGE_BYTES, messageBytes, type DingTalkMessage } from './message';
import type { Budget } from '../../view/budget';
import { fitToLimit, type UrlLimits } from '../../view/fit-ladder';

/**
 * `any`: pageUrl builds no longer address; this only keeps out a repository's own.
 * `short`: three links of this length, tripled by linkMode browser's wrapping, leave room for
 * the rest; with three characters of each piece of user text (a character is at most 32 code
 * units, see cutText) the floor fits whatever the payload.
 */
const URLS: UrlLimits = { any: MAX_MESSAGE_BYTES, short: 1000 };

/**
 * The richest rendering whose whole JSON body fits DingTalk's 20,000 bytes (errcode 460101;
 * a CJK character is 3 bytes in UTF-8, robot API §6), by the ladder of fitToLimit (long
 * addresses replaced, see shownLinks). Never fails.
 */
export function fitMessage(
  render: (budget: Budget) => DingTalkMessage,
  maxItems: number,
): DingTalkMessage {
  return fitToLimit(render, maxItems, { fits, urls: URLS });
}

function fits(message: DingTalkMessage): boolean {
  return messageBytes(message) <= MAX_MESSAGE_BYTES;
}
