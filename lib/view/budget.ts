import type { PageLink } from './event-view';

/** How much user text a rendering may carry; fitMessage lowers it until the body fits. */
export interface Budget {
  /** Commits listed before "and N more". */
  items: number;
  /** Characters of the excerpt; 0 drops it. */
  excerpt: number;
  /** Cap on every other piece of user text (titles, names, branches). */
  text: number;
  /** Last resort: headline, links and mentions only. */
  compact: boolean;
  /** Longest link address kept; a longer one is shown without its link, or replaced. */
  url: number;
  /** Name people without a DingTalk identity in the mention line. */
  names: boolean;
}

/**
 * The links and buttons a rendering shows: the view's pages whose address fits the budget, or
 * else the first home page that does (the repository, then its Gitee), so an actionCard keeps
 * a button however long a branch name made every other address.
 */
export function shownLinks(
  links: readonly PageLink[],
  budget: Budget,
  home: readonly PageLink[],
): PageLink[] {
  const fitting = links.filter((page) => page.url.length <= budget.url);
  if (fitting.length > 0) return fitting;
  return home.filter((page) => page.url.length <= budget.url).slice(0, 1);
}
