import type { Budget } from './budget';

/** Issue 3: excerpts around 200 characters. */
const EXCERPT = 200;
const UNLIMITED = Number.POSITIVE_INFINITY;

/** The address lengths a platform's ladder keeps, measured against its own limit. */
export interface UrlLimits {
  /** Every rung but the last two: only an address longer than the whole message is dropped. */
  any: number;
  /** The last resort and the floor: short enough that three such links leave room. */
  short: number;
}

/** How a platform measures and, where even the floor can be too large, cuts its messages. */
export interface FitRules<M> {
  fits: (message: M) => boolean;
  urls: UrlLimits;
  /** Cuts a floor that still does not fit; without it the floor is returned as it is. */
  squeeze?: (floor: M) => M;
}

/** The budget a message starts from: everything, with up to `maxItems` commits. */
export function fullBudget(maxItems: number, urls: UrlLimits): Budget {
  return {
    items: maxItems,
    excerpt: EXCERPT,
    text: UNLIMITED,
    compact: false,
    url: urls.any,
    names: true,
  };
}

/** After the commit list is gone: a shorter excerpt, none, then shorter names and titles. */
function smaller(urls: UrlLimits): Budget[] {
  const rung = { items: 0, compact: false, url: urls.any, names: true };
  return [
    { ...rung, excerpt: 100, text: UNLIMITED },
    { ...rung, excerpt: 50, text: UNLIMITED },
    { ...rung, excerpt: 0, text: 50 },
    { ...rung, excerpt: 0, text: 20 },
  ];
}

/** Headline, links and mentions only, every piece of user text short, links short or home. */
function lastResort(urls: UrlLimits): Budget {
  return { items: 0, excerpt: 0, text: 10, compact: true, url: urls.short, names: true };
}

/**
 * The richest rendering for which `rules.fits` holds. Shrinks, in order: the commit list (to
 * the longest that fits), the excerpt, every other piece of user text, then everything but the
 * headline, links and mentions, and finally a floor of three characters of each piece of user
 * text with no one named who is not pinged (issue 9, item 8), cut by `rules.squeeze` where a
 * platform's floor can still be too large. Never fails.
 */
export function fitToLimit<M>(
  render: (budget: Budget) => M,
  maxItems: number,
  rules: FitRules<M>,
): M {
  const { fits, urls, squeeze } = rules;
  const full = fullBudget(maxItems, urls);
  const richest = render(full);
  if (fits(richest)) return richest;
  const withoutItems = render({ ...full, items: 0 });
  if (fits(withoutItems)) return longestList(render, fits, full, withoutItems);
  for (const budget of smaller(urls)) {
    const message = render(budget);
    if (fits(message)) return message;
  }
  const last = lastResort(urls);
  const lastMessage = render(last);
  if (fits(lastMessage)) return lastMessage;
  const floor = render({ ...last, text: 3, names: false });
  if (squeeze === undefined || fits(floor)) return floor;
  return squeeze(floor);
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
