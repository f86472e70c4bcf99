import type { ParsedDelivery } from '../../../lib/gitee/event';
import { describeEvent } from '../../../lib/view/describe-event';
import type { EventView } from '../../../lib/view/event-view';
import { onGiteeHost } from '../../../lib/view/gitee-links';
import { localeText } from '../../../lib/view/locales/locale-text';
import type { RenderOptions } from '../../../lib/platforms/chat-platform';
import { feishu } from '../../../lib/platforms/feishu';
import type { FeishuMessage, PostBody } from '../../../lib/platforms/feishu/message';
import type { Locale } from '../../../lib/settings/types';
import { parseFixture } from '../../helpers/parse-fixture';

/** A delivery described the way the relay does: links vetted against gitee.com first. */
export function viewOf(delivery: ParsedDelivery, locale: Locale = 'zh-CN'): EventView {
  const repository = onGiteeHost(delivery.repository, ['gitee.com']);
  return describeEvent(
    { ...delivery, repository },
    { t: localeText(locale), timezone: 'Asia/Shanghai' },
  );
}

export function fixtureView(name: string, locale: Locale = 'zh-CN'): EventView {
  return viewOf(parseFixture(name), locale);
}

/** A robot as most teams set one up: a keyword, nobody mapped. */
export function renderOptions(
  overrides: Partial<Omit<RenderOptions, 't'>> & { locale?: Locale } = {},
): RenderOptions {
  const { locale = 'zh-CN', ...rest } = overrides;
  return {
    msgtype: 'interactive',
    t: localeText(locale),
    keywords: ['GiteeRelay'],
    mentions: {},
    atAll: false,
    maxCommits: 5,
    linkMode: 'dingtalk',
    ...rest,
  };
}

export function renderFixture(
  name: string,
  overrides: Partial<Omit<RenderOptions, 't'>> & { locale?: Locale } = {},
): FeishuMessage {
  return feishu.render(fixtureView(name, overrides.locale), renderOptions(overrides));
}

/** What Feishu limits: the UTF-8 bytes of the whole body as sent, signed. */
export function sentBytes(message: FeishuMessage): number {
  const { body } = feishu.request(
    message,
    { webhook: 'http://127.0.0.1/open-apis/bot/v2/hook/size', secret: 'SECtest-feishu-size' },
    Date.UTC(2031, 0, 1),
  );
  return Buffer.byteLength(body, 'utf8');
}

function onlyPost(message: FeishuMessage): PostBody {
  if (message.msg_type !== 'post') throw new Error('not a post');
  const [body, ...others] = Object.values(message.content.post);
  if (body === undefined || others.length > 0) throw new Error('a post in one language expected');
  return body;
}

/** The visible title: card header, post title, or the first line of text. */
export function titleOf(message: FeishuMessage): string {
  switch (message.msg_type) {
    case 'interactive':
      return message.card.header.title.content;
    case 'post':
      return onlyPost(message).title;
    case 'text':
      return message.content.text.split('\n')[0] ?? '';
  }
}

/** Card markdown fields (1.0 lark_md, 2.0 markdown), which Feishu parses as markup. */
export function markdownFields(message: FeishuMessage): string[] {
  if (message.msg_type !== 'interactive') return [];
  const { card } = message;
  if ('schema' in card) {
    return card.body.elements.flatMap((element) =>
      element.tag === 'markdown' ? [element.content] : [],
    );
  }
  return card.elements.flatMap((element) => (element.tag === 'div' ? [element.text.content] : []));
}

/** Plain fields, shown as typed: header title, note, buttons, post text nodes, text content. */
export function plainFields(message: FeishuMessage): string[] {
  switch (message.msg_type) {
    case 'interactive': {
      const { card } = message;
      const header = card.header.title.content;
      if ('schema' in card) {
        return [
          header,
          ...card.body.elements.flatMap((element) =>
            element.tag === 'button' ? [element.text.content] : [],
          ),
        ];
      }
      return [
        header,
        ...card.elements.flatMap((element) =>
          element.tag === 'note'
            ? element.elements.map((text) => text.content)
            : element.tag === 'action'
              ? element.actions.map((button) => button.text.content)
              : [],
        ),
      ];
    }
    case 'post': {
      const post = onlyPost(message);
      const nodes = post.content.flat();
      return [post.title, ...nodes.flatMap((node) => (node.tag === 'at' ? [] : [node.text]))];
    }
    case 'text':
      return [message.content.text];
  }
}

/**
 * The body text a reader sees, where Feishu matches keywords: card markdown with link labels
 * but not targets, the card footer, post text and link text; for text, the whole content.
 */
export function bodyTextOf(message: FeishuMessage): string {
  switch (message.msg_type) {
    case 'interactive': {
      const { card } = message;
      const footer =
        'schema' in card
          ? []
          : card.elements.flatMap((element) =>
              element.tag === 'note' ? element.elements.map((text) => text.content) : [],
            );
      return [...markdownFields(message), ...footer]
        .map((text) => text.replace(/\]\([^)]*\)/g, ']'))
        .join('\n');
    }
    case 'post':
      return onlyPost(message)
        .content.flat()
        .map((node) => (node.tag === 'at' ? '' : node.text))
        .join('');
    case 'text':
      return message.content.text;
  }
}

/** Every address a reader can open: buttons, markdown targets, post hrefs, written-out links. */
export function linksOf(message: FeishuMessage): string[] {
  return JSON.stringify(message).match(/https?:\/\/[^\s)"\\]+/g) ?? [];
}

/** The ids mentioned, per field kind. */
export function mentionedIds(message: FeishuMessage): string[] {
  switch (message.msg_type) {
    case 'interactive':
      return markdownFields(message).flatMap((text) =>
        [...text.matchAll(/<at id=([^>]+)><\/at>/g)].map((match) => match[1] ?? ''),
      );
    case 'post':
      return onlyPost(message)
        .content.flat()
        .flatMap((node) => (node.tag === 'at' ? [node.user_id] : []));
    case 'text':
      return [...message.content.text.matchAll(/<at user_id="([^"]+)"><\/at>/g)].map(
        (match) => match[1] ?? '',
      );
  }
}
