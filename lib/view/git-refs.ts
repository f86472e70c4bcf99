import { textOf } from './payload-values';

/** "refs/heads/feature/x" → "feature/x", "refs/tags/v1.0" → "v1.0". */
export function refName(ref: unknown): string | null {
  const value = textOf(ref);
  return value ? value.replace(/^refs\/(heads|tags)\//, '') : null;
}

/** Gitee writes "no commit" as 40 zeros, and as 8 in 2020 tag pushes (protocol notes §3.3). */
export function isZeroSha(sha: unknown): boolean {
  return typeof sha !== 'string' || /^0*$/.test(sha.trim());
}

export function shortSha(sha: string): string {
  return sha.trim().slice(0, 7);
}
