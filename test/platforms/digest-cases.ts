import type { ParsedDelivery } from '../../lib/gitee/event';
import type { DigestEntry, DigestOptions, PlatformName } from '../../lib/platforms/chat-platform';
import { dingtalk } from '../../lib/platforms/dingtalk';
import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { feishu } from '../../lib/platforms/feishu';
import type { FeishuMessage } from '../../lib/platforms/feishu/message';
import { wecom } from '../../lib/platforms/wecom';
import type { WecomMessage } from '../../lib/platforms/wecom/message';
import type { Locale } from '../../lib/settings/types';
import { describeEvent } from '../../lib/view/describe-event';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { localeText } from '../../lib/view/locales/locale-text';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';
import type { Payload } from '../format/payloads/common';
import { markdownFields } from './feishu/feishu-parts';
import { contentOf } from './wecom/wecom-parts';

/**
 * Shared pieces of the digest tests: entries described as the webhook describes them, the
 * options a robot's settings give, and what a reader sees of each platform's digest.
 */
export const KEYWORD = 'GiteeRelay';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

/** A delivery described as the webhook does (links vetted against gitee.com). */
export function entryOf(delivery: ParsedDelivery, locale: Locale, atAll = false): DigestEntry {
  const repository = onGiteeHost(delivery.repository, ['gitee.com']);
  const view = describeEvent(
    { ...delivery, repository },
    { t: localeText(locale), timezone: 'Asia/Shanghai' },
  );
  return { view, atAll };
}

export function payloadEntry(payload: Payload, locale: Locale = 'en', atAll = false): DigestEntry {
  return entryOf(parsePayload(payload), locale, atAll);
}

/** Every real fixture, in name order. */
export function fixtureEntries(locale: Locale): DigestEntry[] {
  return fixtureNames().map((name) => entryOf(parseFixture(name), locale));
}

/** A robot's digest options: the platform's keyword rule, nobody mapped, no backlog beyond. */
export function digestOptions(
  platform: PlatformName,
  overrides: Partial<Omit<DigestOptions, 't'>> & { locale?: Locale } = {},
): DigestOptions {
  const { locale = 'en', ...rest } = overrides;
  return {
    msgtype: 'markdown',
    t: localeText(locale),
    keywords: platform === 'wecom' ? [] : [KEYWORD],
    mentions: {},
    maxCommits: 5,
    linkMode: 'dingtalk',
    pending: 0,
    ...rest,
  };
}

/** DingTalk: the notification title and the body a reader sees (markdown text or text content). */
export function dingtalkShown(message: DingTalkMessage): { title: string; body: string } {
  switch (message.msgtype) {
    case 'markdown':
      return { title: message.markdown.title, body: message.markdown.text };
    case 'actionCard':
      return { title: message.actionCard.title, body: message.actionCard.text };
    case 'text':
      return {
        title: message.text.content.split('\n')[0] ?? '',
        body: message.text.content,
      };
  }
}

/** Feishu: the card header and its lark_md divs. */
export function feishuShown(message: FeishuMessage): { title: string; body: string } {
  if (message.msg_type !== 'interactive') throw new Error(`a card expected: ${message.msg_type}`);
  return { title: message.card.header.title.content, body: markdownFields(message).join('\n') };
}

/** WeCom: the first line (### title) and the whole limited content. */
export function wecomShown(message: WecomMessage): { title: string; body: string } {
  const body = contentOf(message);
  return { title: (body.split('\n')[0] ?? '').replace(/^### /, ''), body };
}

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

/** Everything a title, commit message, name, comment or repository path could try. */
export const HOSTILE = [
  '# x <at id=all></at> <at user_id="all">所有人</at> <font color=red>红</font> <br>',
  '[x](https://evil.example) ![i](https://evil.example/i.png) <a href="https://evil.example">a</a>',
  '@所有人 @13800000000 <@userid> &lt;b&gt; &#64; **b** `c` ~~s~~ _e_ | t | www.evil.example',
  '{{ 7*7 }} {% raw %} __proto__ constructor',
].join(' ');

const USER_TEXT_KEYS = new Set(['title', 'body', 'message', 'note', 'name', 'description']);

/** The payload with every string a user types on Gitee replaced by `text`. */
export function planted(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((item) => planted(item, text));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      typeof child === 'string' && USER_TEXT_KEYS.has(key) && child !== ''
        ? text
        : planted(child, text),
    ]),
  );
}

/** A repository path built of markup: shown as the digest's section heading and title. */
const HOSTILE_PATH = 'evil/**x**<at id=all>[y](https://evil.example)@13800000000_z_';

/**
 * `count` entries from the real fixtures in turn, every user-typed string replaced by a long
 * hostile text (numbered, so each line is told apart); every fifth from a repository whose
 * path is markup too.
 */
export function hostileEntries(count: number, locale: Locale): DigestEntry[] {
  const names = fixtureNames();
  return Array.from({ length: count }, (_unused, index) => {
    const name = names[index % names.length]!;
    const payload = planted(loadFixture(name), `${index} ${HOSTILE} ${HOSTILE}`) as Payload;
    if (index % 5 === 4 && !name.startsWith('ping')) {
      const repository = {
        ...(payload.repository as Payload),
        path_with_namespace: HOSTILE_PATH,
        html_url: `https://gitee.com/${HOSTILE_PATH}`,
      };
      Object.assign(payload, { repository, project: repository });
    }
    return payloadEntry(payload, locale);
  });
}

/** A digest as a reader sees it: the title, the body, and each event's line in order. */
export interface ShownDigest {
  message: unknown;
  count: number;
  /** The platform's own size verdict (refuse): null when it would take the message. */
  refused: string | null;
  title: string;
  body: string;
  lines: string[];
}

export function renderShown(
  platform: PlatformName,
  entries: readonly DigestEntry[],
  options: DigestOptions,
): ShownDigest {
  const rendered = renderTyped(platform, entries, options);
  const lines = rendered.body.split('\n').filter((line) => /^(?:- |• )/.test(line));
  return { ...rendered, lines };
}

function renderTyped(
  platform: PlatformName,
  entries: readonly DigestEntry[],
  options: DigestOptions,
): Omit<ShownDigest, 'lines'> {
  switch (platform) {
    case 'dingtalk': {
      const { message, count } = dingtalk.renderDigest(entries, options);
      return { message, count, refused: dingtalk.refuse(message), ...dingtalkShown(message) };
    }
    case 'feishu': {
      const { message, count } = feishu.renderDigest(entries, options);
      return { message, count, refused: feishu.refuse(message), ...feishuShown(message) };
    }
    case 'wecom': {
      const { message, count } = wecom.renderDigest(entries, options);
      return { message, count, refused: wecom.refuse(message), ...wecomShown(message) };
    }
  }
}

/** Every platform and msgtype a robot can have. */
export const PLATFORM_MSGTYPES: Array<{ platform: PlatformName; msgtype: string }> = [
  ...dingtalk.msgtypes.map((msgtype) => ({ platform: 'dingtalk' as const, msgtype })),
  ...feishu.msgtypes.map((msgtype) => ({ platform: 'feishu' as const, msgtype })),
  ...wecom.msgtypes.map((msgtype) => ({ platform: 'wecom' as const, msgtype })),
];

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
