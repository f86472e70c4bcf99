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
import { fixtureNames } from '../helpers/fixtures';
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
