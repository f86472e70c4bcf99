/**
 * Finds markup that user text could have smuggled into a Feishu message: what is left after
 * the constructs the renderers write themselves (links to Gitee, the mention tokens they were
 * given, the 2.0 footer's <font>, "- " items and "> " excerpts at a line start) must hold no
 * raw markdown or HTML character, no "&" that is not one of our numeric entities, no bare
 * address and no list, heading or quote at a line start.
 */
const OUR_LINK = /\[([^\]]*)\]\(https:\/\/gitee\.com\/[^)\s]*\)/g;
const OUR_FONT = /^<font color='grey'>|<\/font>$/g;
const INLINE = /[<>[\]*_~`|$\\]/;
const BLOCK_START = /^(?:[#>]|(?:[-+]|\d{1,9}[.)])(?:\s|$))/;
const ADDRESS = /:\/\/|\bwww\./i;

export function markdownLeaks(text: string, tokens: readonly string[] = []): string[] {
  const body = tokens.reduce((rest, token) => rest.split(token).join(''), text);
  const leaks: string[] = [];
  for (const raw of body.replace(OUR_FONT, '').split('\n')) {
    const line = raw.replace(/^(?:- |> |• )/, '').replace(OUR_LINK, '$1');
    if (INLINE.test(line)) leaks.push(`markdown in: ${raw}`);
    if (/&(?!#\d{1,6};)/.test(line)) leaks.push(`raw & in: ${raw}`);
    if (BLOCK_START.test(line)) leaks.push(`block start in: ${raw}`);
    if (ADDRESS.test(line)) leaks.push(`address in: ${raw}`);
  }
  return leaks;
}

/** Plain text: no "<" or "&" without the word joiner after it, no bare foreign address. */
export function plainLeaks(text: string, tokens: readonly string[] = []): string[] {
  const body = tokens.reduce((rest, token) => rest.split(token).join(''), text);
  const withoutGitee = body.replace(/https:\/\/gitee\.com\/\S*/g, '');
  return [
    ...(/<(?!\u2060)/.test(withoutGitee) ? [`tag in: ${text}`] : []),
    ...(/&(?!\u2060)/.test(withoutGitee) ? [`raw & in: ${text}`] : []),
    ...(ADDRESS.test(withoutGitee) ? [`address in: ${text}`] : []),
  ];
}
