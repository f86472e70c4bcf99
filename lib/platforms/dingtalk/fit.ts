import { MAX_MESSAGE_BYTES, messageBytes, type DingTalkMessage } from './message';
import type { Budget } from '../../view/budget';

/** Issue 3: excerpts around 200 characters. */
const EXCERPT = 200;
const UNLIMITED = Number.POSITIVE_INFINITY;

/** pageUrl builds no longer address; this only keeps out a repository's own. */
const ANY_URL = MAX_MESSAGE_BYTES;
/** Three links of this length, tripled by linkMode browser's wrapping, leave room for the rest. */
const SHORT_URL = 1000;

/** After the commit list is gone: a shorter excerpt, none, then shorter names and titles. */
const SMALLER: readonly Budget[] = [
  { items: 0, excerpt: 100, text: UNLIMITED, compact: false, url: ANY_URL, names: true },
  { items: 0, excerpt: 50, text: UNLIMITED, compact: false, url: ANY_URL, names: true },
  { items: 0, excerpt: 0, text: 50, compact: false, url: ANY_URL, names: true },
  { items: 0, excerpt: 0, text: 20, compact: false, url: ANY_URL, names: true },
];
/** Headline, links and mentions only, every piece of user text short, links short or home. */
const LAST_RESORT: Budget = {
  items: 0,
  excerpt: 0,
  text: 10,
  compact: true,
  url: SHORT_URL,
  names: true,
};
/**
 * What always fits, whatever the payload: besides our own words and the operator's keyword and
 * mentions, only three characters of each piece of user text (a character is at most 32 code
 * units, see cutText) and at most three links of SHORT_URL. No one named without DingTalk.
 */
const FLOOR: Budget = { ...LAST_RESORT, text: 3, names: false };

/**
 * The richest rendering whose whole JSON body fits DingTalk's 20,000 bytes (errcode 460101;
 * a CJK character is 3 bytes in UTF-8, robot API §6). Shrinks, in order: the commit list (to
 * the longest that fits), the excerpt, every other piece of user text, then everything but the
 * headline, links (long addresses replaced, see shownLinks) and mentions, and finally what no
 * payload can make larger than the limit (issue 9, item 8). Never fails.
 */
export function fitMessage(
  render: (budget: Budget) => DingTalkMessage,
  maxItems: number,
): DingTalkMessage {
  const full: Budget = {
    items: maxItems,
    excerpt: EXCERPT,
    text: UNLIMITED,
    compact: false,
    url: ANY_URL,
    names: true,
  };
  const richest = render(full);
  if (fits(richest)) return richest;
  const withoutItems = render({ ...full, items: 0 });
  if (fits(withoutItems)) return longestList(render, full, withoutItems);
  for (const budget of SMALLER) {
    const message = render(budget);
    if (fits(message)) return message;
  }
  const last = render(LAST_RESORT);
  return fits(last) ? last : render(FLOOR);
}

/** Binary search: the size grows with every listed commit, so the longest fitting list is one cut. */
function longestList(
  render: (budget: Budget) => DingTalkMessage,
  full: Budget,
  withoutItems: DingTalkMessage,
): DingTalkMessage {
  let best = withoutItems;
  let fitting = 0;
  let failing = full.items;
  while (failing - fitting > 1) {
    const items = Math.floor((fitting + failing) / 2);
    const message = render({ ...full, items });
    if (fits(message)) [best, fitting] = [message, items];
    else failing = items;
  }
  return best;
}

function fits(message: DingTalkMessage): boolean {
  return messageBytes(message) <= MAX_MESSAGE_BYTES;
}
