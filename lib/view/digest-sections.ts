import type { DigestEntry } from './digest-entry';
import type { EventView } from './event-view';

/** One repository's events in a digest, in the order they came. */
export interface RepositoryGroup {
  /** "kit101/drone-yml-test", or null when the view links no repository page. */
  repository: string | null;
  entries: DigestEntry[];
}

/**
 * The entries grouped per repository, repositories in the order their first event came and
 * events in their own order, so a reader sees each repository's history as it happened.
 */
export function groupByRepository(entries: readonly DigestEntry[]): RepositoryGroup[] {
  const groups = new Map<string | null, RepositoryGroup>();
  for (const entry of entries) {
    const repository = repositoryOf(entry.view);
    const group = groups.get(repository) ?? { repository, entries: [] };
    group.entries.push(entry);
    groups.set(repository, group);
  }
  return [...groups.values()];
}

/** Read once per view: fitDigest groups the same entries many times. */
const names = new WeakMap<EventView, string | null>();

/**
 * The repository's `namespace/path`, read from the view's repository page: the describers
 * build it from the address vetted against links.giteeHosts (path_with_namespace on Gitee),
 * and a view is all a queued event carries in every message version. Percent-escapes are
 * decoded, so the name reads as on Gitee; it is user text, escaped where it is shown.
 */
export function repositoryOf(view: EventView): string | null {
  const known = names.get(view);
  if (known !== undefined) return known;
  const name = pathOf(view.home?.url);
  names.set(view, name);
  return name;
}

function pathOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return null;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}
