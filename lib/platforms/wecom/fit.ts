import type { Budget } from '../../view/budget';
import { WECOM_CONTENT_BYTES } from './limits';

/** Issue 3: excerpts around 200 characters. */
const EXCERPT = 200;
const UNLIMITED = Number.POSITIVE_INFINITY;

/** An address longer than the whole content could never be sent. */
const ANY_URL = WECOM_CONTENT_BYTES.markdown;
/** The last resort's links: three of them leave room in even a 2,048-byte text message. */
const SHORT_URL = 300;

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
/** Three characters of each piece of user text, and no one named who is not pinged. */
const FLOOR: Budget = { ...LAST_RESORT, text: 3, names: false };

/** The budget a message starts from: everything, with up to `maxItems` commits. */
export function fullBudget(maxItems: number): Budget {
  return {
    items: maxItems,
    excerpt: EXCERPT,
    text: UNLIMITED,
    compact: false,
    url: ANY_URL,
    names: true,
  };
}

/**
 * The richest rendering for which `fits` holds: the ladder of DingTalk's fit (lib/platforms/dingtalk/fit.ts)
 * (commit list to the longest that fits, then the excerpt, then every other piece of user
 * text, then everything but headline, links and mentions, then a floor), measured by the
 * platform's own limit. Should even the floor not fit (a name of giant grapheme clusters in
 * every place of a text message's 2,048 bytes, say), `squeeze` cuts it to size, so this never fails.
 */
export function fitWithin<M>(
  render: (budget: Budget) => M,
  fits: (message: M) => boolean,
  squeeze: (message: M) => M,
  maxItems: number,
): M {
  const full = fullBudget(maxItems);
  const richest = render(full);
  if (fits(richest)) return richest;
  const withoutItems = render({ ...full, items: 0 });
  if (fits(withoutItems)) return longestList(render, fits, full, withoutItems);
  for (const budget of SMALLER) {
    const message = render(budget);
    if (fits(message)) return message;
  }
  const last = render(LAST_RESORT);
  if (fits(last)) return last;
  const floor = render(FLOOR);
  return fits(floor) ? floor : squeeze(floor);
}

/** Binary search: the size grows with every listed commit, so the longest fitting list is one cut. */
function longestList<M>(
  render: (budget: Budget) => M,
  fits: (message: M) => boolean,
  full: Budget,
  withoutItems: M,
): M {
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
