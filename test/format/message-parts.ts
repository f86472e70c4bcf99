import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { formatMessage, type FormatOptions } from '../../lib/platforms/dingtalk/format';
import { parsePayload } from '../helpers/parse-fixture';
import type { Payload } from './payloads/common';

/** A robot as most teams set one up: zh-CN markdown, keyword "Gitee", nobody mapped, gitee.com. */
export function formatOptions(overrides: Partial<FormatOptions> = {}): FormatOptions {
  return {
    locale: 'zh-CN',
    msgtype: 'markdown',
    timezone: 'Asia/Shanghai',
    maxCommits: 5,
    linkMode: 'dingtalk',
    keywords: ['Gitee'],
    mentions: {},
    atAll: false,
    giteeHosts: ['gitee.com'],
    ...overrides,
  };
}

/** A hand-written payload through the real parser and the formatter. */
export function format(payload: Payload, overrides: Partial<FormatOptions> = {}): DingTalkMessage {
  return formatMessage(parsePayload(payload), formatOptions(overrides));
}

/** The title: `title`, or the first line of a text message (which plays that part). */
export function titleOf(message: DingTalkMessage): string {
  switch (message.msgtype) {
    case 'markdown':
      return message.markdown.title;
    case 'actionCard':
      return message.actionCard.title;
    case 'text':
      return message.text.content.split('\n')[0] ?? '';
  }
}

export function textOf(message: DingTalkMessage): string {
  switch (message.msgtype) {
    case 'markdown':
      return message.markdown.text;
    case 'actionCard':
      return message.actionCard.text;
    case 'text':
      return message.text.content;
  }
}

/** Every address a reader could open: links in the text, buttons, dingtalk:// unwrapped. */
export function linksOf(message: DingTalkMessage): string[] {
  const found = JSON.stringify(message).match(/(https?|dingtalk):\/\/[^\s)"\\]+/g) ?? [];
  return found.map((url) =>
    url.startsWith('dingtalk:')
      ? (new URL(url).searchParams.get('url') ?? 'dingtalk link without url')
      : url,
  );
}

/** A link reader-facing text shows as the markdown `[label](target)`: the targets. */
export function markdownTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}
