import type { RepositoryRef } from '../gitee/event';
import { wellFormed } from './cut-text';
import { textOf } from './payload-values';

/**
 * Links to exact pages on Gitee. A payload says where its pages are but never where a link
 * goes: the repository's address is vetted once (onGiteeHost), and every link is built on it or
 * is a payload address below it (issue 9, item 5). Each path segment is percent-encoded (a
 * lone surrogate as U+FFFD, so a branch with one still gets its link); branch names keep their
 * slashes. An address longer than a whole message could never be sent, so it is not built.
 */
const DEFAULT_HOST = 'gitee.com';
/** The largest message any platform takes (DingTalk's and Feishu's 20,000 bytes). */
const MAX_URL = 20_000;

/**
 * The repository with an address on an allowed Gitee host: its own when it is an http(s)
 * address on one of `hosts` (no credentials, no query), else `https://<first host>/<path>`, so
 * there is always a page to link (an actionCard needs its button).
 */
export function onGiteeHost(repository: RepositoryRef, hosts: readonly string[]): RepositoryRef {
  const own = allowedAddress(repository.url, hosts);
  const url = own ?? `https://${hosts[0] ?? DEFAULT_HOST}/${encodePath(repository.path)}`;
  return { ...repository, url };
}

export function pageUrl(repository: RepositoryRef, ...segments: string[]): string | null {
  const base = baseOf(repository);
  // Encoding only lengthens: what is too long before it needs no encoding to know.
  if (!base || segments.reduce((sum, segment) => sum + segment.length, base.length) > MAX_URL) {
    return null;
  }
  const path = segments
    .flatMap((segment) => wellFormed(segment).split('/'))
    .map(encodeURIComponent);
  const url = path.length === 0 ? base : `${base}/${path.join('/')}`;
  return url.length <= MAX_URL ? url : null;
}

export function treeUrl(repository: RepositoryRef, ref: string): string | null {
  return pageUrl(repository, 'tree', ref);
}

export function commitUrl(repository: RepositoryRef, sha: string): string | null {
  return /^[0-9a-f]{4,64}$/i.test(sha) ? pageUrl(repository, 'commit', sha) : null;
}

/** A URL the payload gives (comment `#note_…` links), only when it is a page of this repository. */
export function repositoryPage(repository: RepositoryRef, candidate: unknown): string | null {
  const url = webUrl(textOf(candidate));
  const base = baseOf(repository);
  return url && base && url.href.startsWith(`${base}/`) ? url.href : null;
}

/** The Gitee the repository lives on, as a last link when every page address is too long. */
export function giteeHome(repository: RepositoryRef): string {
  try {
    // Vetted by onGiteeHost: an allowed host, however long the path.
    return new URL(repository.url).origin;
  } catch {
    return `https://${DEFAULT_HOST}`;
  }
}

/** A web address on the repository's own host (a fork on the same Gitee), else null. */
export function sameHost(repository: RepositoryRef, candidate: unknown): string | null {
  const url = webUrl(textOf(candidate));
  const base = webUrl(repository.url);
  return url && base && url.origin === base.origin ? url.href : null;
}

/** The vetted address without a trailing slash; null if it is no web address at all. */
function baseOf(repository: RepositoryRef): string | null {
  const url = webUrl(repository.url);
  return url ? trimSlashes(`${url.origin}${url.pathname}`) : null;
}

function allowedAddress(value: string, hosts: readonly string[]): string | null {
  const url = webUrl(value);
  if (!url || url.username !== '' || url.password !== '') return null;
  const allowed = hosts.some((host) => hostOf(host, url.protocol) === url.host);
  return allowed ? trimSlashes(`${url.origin}${url.pathname}`) : null;
}

/** A configured host as the URL parser writes it for this scheme (a default port drops out). */
function hostOf(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/** An http(s) address with no whitespace in it, parsed; else null. */
function webUrl(value: string | null | undefined): URL | null {
  if (typeof value !== 'string' || value.length > MAX_URL || /\s/.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function encodePath(path: string): string {
  return wellFormed(path).split('/').map(encodeURIComponent).join('/');
}

/** A loop, not /\/+$/: that regex rescans a long run of slashes from every one of them. */
function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}
