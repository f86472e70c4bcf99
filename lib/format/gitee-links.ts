import type { RepositoryRef } from '../gitee/event';
import { textOf } from './payload-values';

/**
 * Links to exact pages on Gitee, built from the repository's own address so every link lands
 * on the repository's host (gitee.com or an enterprise host) and never on whatever else a
 * payload might carry. Each path segment is percent-encoded; branch names keep their slashes.
 */
export function pageUrl(repository: RepositoryRef, ...segments: string[]): string | null {
  const base = httpUrl(repository.url)?.replace(/\/+$/, '');
  if (!base) return null;
  const path = segments.flatMap((segment) => segment.split('/')).map(encodeURIComponent);
  return path.length === 0 ? base : `${base}/${path.join('/')}`;
}

export function treeUrl(repository: RepositoryRef, ref: string): string | null {
  return pageUrl(repository, 'tree', ref);
}

export function commitUrl(repository: RepositoryRef, sha: string): string | null {
  return /^[0-9a-f]{4,64}$/i.test(sha) ? pageUrl(repository, 'commit', sha) : null;
}

/** A URL the payload gives (comment `#note_…` links), only when it is a page of this repository. */
export function repositoryPage(repository: RepositoryRef, candidate: unknown): string | null {
  const url = httpUrl(textOf(candidate));
  const base = httpUrl(repository.url)?.replace(/\/+$/, '');
  return url && base && url.startsWith(`${base}/`) && !/\s/.test(url) ? url : null;
}

/** A web address on the repository's own host (a fork on the same Gitee), else null. */
export function sameHost(repository: RepositoryRef, candidate: unknown): string | null {
  const url = httpUrl(textOf(candidate));
  const origin = originOf(url);
  return url && origin && origin === originOf(repository.url) && !/\s/.test(url) ? url : null;
}

function originOf(url: string | null): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

function httpUrl(value: string | null | undefined): string | null {
  return typeof value === 'string' && /^https?:\/\/[^/\s]+/i.test(value) ? value : null;
}
