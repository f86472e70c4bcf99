/**
 * Finds markdown that user text could have smuggled into a message: what is left after the
 * constructs the formatter writes itself (the heading, "- " items, the "> " excerpt, links to
 * Gitee, the mention tokens it was given) must hold no unescaped markdown, HTML, link,
 * address or @mention. Used by the fixture table and the hostile-payload tests.
 */
const OUR_LINK =
  /\[((?:\\.|[^\\\]])*)\]\((?:https:\/\/gitee\.com\/|dingtalk:\/\/dingtalkclient\/page\/link\?url=https%3A%2F%2Fgitee\.com%2F)[^)\s]*\)/g;
const INLINE = /[`*_[\]~<|]/;
const BLOCK_START = /^(?:[#>+-]|\d{1,9}[.)](?:\s|$))/;
const MENTION = /@(?!\u200D)[\p{L}\p{N}]/u;
const ADDRESS = /:\/\/|\bwww\./i;

export function markdownLeaks(text: string, tokens: readonly string[] = []): string[] {
  const leaks: string[] = [];
  text.split('\n\n').forEach((paragraph, index) => {
    const body = withoutOurs(paragraph, index === 0, tokens);
    const unescaped = body.replace(/\\[\s\S]/g, '');
    if (INLINE.test(unescaped)) leaks.push(`markdown in: ${paragraph}`);
    if (BLOCK_START.test(body)) leaks.push(`block start in: ${paragraph}`);
    if (MENTION.test(body)) leaks.push(`mention in: ${paragraph}`);
    if (ADDRESS.test(body)) leaks.push(`address in: ${paragraph}`);
  });
  return leaks;
}

export function plainLeaks(text: string, tokens: readonly string[] = []): string[] {
  const body = tokens.reduce((rest, token) => rest.split(token).join(''), text);
  const withoutGitee = body.replace(/https:\/\/gitee\.com\/\S*/g, '');
  return [
    ...(MENTION.test(withoutGitee) ? [`mention in: ${text}`] : []),
    ...(ADDRESS.test(withoutGitee) ? [`address in: ${text}`] : []),
  ];
}

function withoutOurs(paragraph: string, first: boolean, tokens: readonly string[]): string {
  let body = paragraph;
  if (first) body = body.replace(/^#### /, '');
  body = body.replace(/^(?:- |> )/, '');
  body = body.replace(OUR_LINK, '$1');
  for (const token of tokens) body = body.split(token).join('');
  return body;
}
