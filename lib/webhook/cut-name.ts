/**
 * Names echoed to Gitee's delivery log and to our log (repository path, branch, action, robot)
 * come from the payload or the config and may be megabytes long: each is cut to
 * MAX_NAME_GRAPHEMES grapheme clusters, then "…" (issue 9, item 7). Segmentation does not
 * depend on the machine's locale.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export const MAX_NAME_GRAPHEMES = 200;
const ELLIPSIS = '…';
/**
 * No real character is this long (the longest emoji sequences take under 20 UTF-16 units); a
 * cluster of thousands of combining marks is cut by code point instead.
 */
const MAX_UNITS = MAX_NAME_GRAPHEMES * 32;

export function cutName(name: string): string {
  // Every grapheme holds at least one code unit: short names need no segmentation.
  if (name.length <= MAX_NAME_GRAPHEMES) return name;
  let count = 0;
  for (const { index } of graphemes.segment(name.slice(0, MAX_UNITS + 1))) {
    if (count === MAX_NAME_GRAPHEMES) return bounded(name.slice(0, index)) + ELLIPSIS;
    count += 1;
  }
  return name.length <= MAX_UNITS ? name : bounded(name) + ELLIPSIS;
}

function bounded(head: string): string {
  if (head.length <= MAX_UNITS) return head;
  // Cut by code point so no surrogate pair splits; MAX_UNITS units hold far more code points.
  return Array.from(head.slice(0, MAX_UNITS)).slice(0, MAX_NAME_GRAPHEMES).join('');
}
