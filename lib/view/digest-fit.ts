import type { Budget } from './budget';
import { fitToLimit, fullBudget, type FitRules, type UrlLimits } from './fit-ladder';

/**
 * A digest line links one page: an address longer than this gives way to the repository's
 * (shownLinks), so one event's giant branch name cannot crowd the others out. `short` is the
 * last resort when a single entry alone is too large, as in the single-message ladder.
 */
const DIGEST_URLS: UrlLimits = { any: 1000, short: 300 };

/** How a platform measures a digest and, where even the floor can be too large, cuts it. */
export type DigestFitRules<M> = Omit<FitRules<M>, 'urls'>;

/**
 * The digest of the most entries from the front that fits, each line in full, and how many
 * that is. The size grows with every entry, so the largest fitting count is found by halving.
 * When even the first entry alone does not fit, it is shrunk by the single-message ladder
 * (shorter user text, then short links, then the platform's squeeze) rather than dropped:
 * a digest always carries at least one event. Never fails.
 */
export function fitDigest<M>(
  total: number,
  render: (count: number, budget: Budget) => M,
  rules: DigestFitRules<M>,
): { message: M; count: number } {
  const full = fullBudget(0, DIGEST_URLS);
  const all = render(total, full);
  if (total === 0 || rules.fits(all)) return { message: all, count: total };
  let best: { message: M; count: number } | null = null;
  let fitting = 0;
  let failing = total;
  while (failing - fitting > 1) {
    const count = Math.floor((fitting + failing) / 2);
    const message = render(count, full);
    if (rules.fits(message)) [best, fitting] = [{ message, count }, count];
    else failing = count;
  }
  if (best !== null) return best;
  const alone = fitToLimit((budget) => render(1, budget), 0, { ...rules, urls: DIGEST_URLS });
  return { message: alone, count: 1 };
}
