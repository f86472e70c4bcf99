import type { DigestEntry, PlatformName } from '../../lib/platforms/chat-platform';

/** How the digest tests read a message as its reader does: addresses, lines, escapes undone. */

/** Every address in the message, in order, wherever it is. */
export function addressesOf(message: unknown): string[] {
  return JSON.stringify(message).match(/https?:\/\/[^\s)"\\]+/g) ?? [];
}

/** The page a digest line of this entry opens: the view's primary link. */
export function primaryLink(entry: DigestEntry): string {
  const [page] = entry.view.links;
  if (page === undefined) throw new Error('a view without links');
  return page.url;
}

/** Feishu card markdown as a reader sees it: numeric character references decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)));
}

const INVISIBLE = /\u200b|\u200d|\u2060/g;
/** WeCom's full-width stand-ins (lib/platforms/wecom/escape.ts) read as what was typed. */
const FULL_WIDTH: Record<string, string> = {
  '＜': '<',
  '＞': '>',
  '［': '[',
  '］': ']',
  '＊': '*',
  '｀': '`',
  '～': '~',
  '｜': '|',
  '＼': '\\',
  '＿': '_',
  '＃': '#',
  '－': '-',
  '＋': '+',
  '＝': '=',
};

/** Whether the digest for this robot is written in markdown (links as `[label](url)`). */
export function isMarkdownDigest(platform: PlatformName, msgtype: string): boolean {
  return platform === 'feishu' || msgtype !== 'text';
}

/**
 * One event line as a reader reads it: its label with the platform's escapes undone (what
 * the client shows), and the page it opens.
 */
export function readLine(
  platform: PlatformName,
  msgtype: string,
  line: string,
): { label: string; url: string | null } {
  const body = line.replace(/^(?:- |• )/, '');
  const linked = isMarkdownDigest(platform, msgtype)
    ? /^\[([\s\S]*)\]\(([^()\s]*)\)$/.exec(body)
    : /^([\s\S]*) (https?:\/\/\S+)$/.exec(body);
  const [label, url] = linked ? [linked[1] ?? '', linked[2] ?? null] : [body, null];
  let shown = label.replace(INVISIBLE, '');
  if (platform === 'feishu') shown = decodeEntities(shown);
  if (platform === 'dingtalk' && msgtype !== 'text') shown = shown.replace(/\\(.)/g, '$1');
  if (platform === 'wecom')
    shown = shown.replace(/[＜＞［］＊｀～｜＼＿＃－＋＝]/g, (c) => FULL_WIDTH[c] ?? c);
  return { label: shown, url };
}
