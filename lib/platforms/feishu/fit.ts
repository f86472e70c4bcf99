import type { Budget } from '../../view/budget';
import { FEISHU_LIMITS } from './limits';

/** Issue 3: excerpts around 200 characters. */
const EXCERPT = 200;
const UNLIMITED = Number.POSITIVE_INFINITY;
/** pageUrl builds no longer address; this only keeps out a repository's own. */
const ANY_URL = FEISHU_LIMITS.bodyBytes;
/** A card carries each link twice (in the text and as a button): three of them leave room. */
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
 * What always fits, whatever the payload: three characters of each piece of user text, at
 * most three links of SHORT_URL, no one named without a Feishu id; besides that only our own
 * words, the operator's keyword and at most 20 mention ids.
 */
const FLOOR: Budget = { ...LAST_RESORT, text: 3, names: false };

/**
 * The richest rendering for which `fits` holds, by the ladder of lib/format/fit-message.ts
 * measured with Feishu's own limit: the commit list (to the longest that fits), the excerpt,
 * every other piece of user text, then everything but the headline, links and mentions, and
 * finally the floor. Never fails.
 */
export function fitWithin<M>(
  render: (budget: Budget) => M,
  maxItems: number,
  fits: (message: M) => boolean,
): M {
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
  if (fits(withoutItems)) {
    // Binary search: the size grows with every listed commit, so the longest list is one cut.
    let [best, fitting, failing] = [withoutItems, 0, maxItems];
    while (failing - fitting > 1) {
      const items = Math.floor((fitting + failing) / 2);
      const message = render({ ...full, items });
      if (fits(message)) [best, fitting] = [message, items];
      else failing = items;
    }
    return best;
  }
  for (const budget of SMALLER) {
    const message = render(budget);
    if (fits(message)) return message;
  }
  const last = render(LAST_RESORT);
  return fits(last) ? last : render(FLOOR);
}
