import MarkdownIt from 'markdown-it';
import type { ParsedDelivery } from '../../../lib/gitee/event';
import { describeEvent } from '../../../lib/view/describe-event';
import { localeText, type LocaleText } from '../../../lib/view/locales/locale-text';
import type { RenderOptions } from '../../../lib/platforms/chat-platform';
import { wecom } from '../../../lib/platforms/wecom';
import type { WecomMessage } from '../../../lib/platforms/wecom/message';
import type { Locale } from '../../../lib/settings/types';
import { parsePayload } from '../../helpers/parse-fixture';
import type { Payload } from '../../format/payloads/common';

export interface WecomCase {
  msgtype?: string;
  locale?: Locale;
  mentions?: RenderOptions['mentions'];
  atAll?: boolean;
  maxCommits?: number;
}

/** A delivery described as the relay does and rendered for a WeCom robot. */
export function renderDelivery(delivery: ParsedDelivery, options: WecomCase = {}): WecomMessage {
  const t = localeText(options.locale ?? 'zh-CN');
  const view = describeEvent(delivery, { t, timezone: 'Asia/Shanghai' });
  return wecom.render(view, {
    msgtype: options.msgtype ?? 'markdown',
    t,
    keywords: [],
    mentions: options.mentions ?? {},
    atAll: options.atAll ?? false,
    maxCommits: options.maxCommits ?? 5,
    linkMode: 'dingtalk',
  });
}

export function renderPayload(payload: Payload, options: WecomCase = {}): WecomMessage {
  return renderDelivery(parsePayload(payload), options);
}

/** The field WeCom limits, as the robot measures it; '' for a card. */
export function contentOf(message: WecomMessage): string {
  switch (message.msgtype) {
    case 'markdown':
      return message.markdown.content;
    case 'markdown_v2':
      return message.markdown_v2.content;
    case 'text':
      return message.text.content;
    case 'template_card':
      return '';
  }
}

/** What a reader sees as the title: the first line of content, or the card's main title. */
export function titleOf(message: WecomMessage): string {
  if (message.msgtype === 'template_card') return message.template_card.main_title.title;
  return (contentOf(message).split('\n')[0] ?? '').replace(/^### /, '');
}

/** Every address a reader could open, wherever in the message it is. */
export function linksOf(message: WecomMessage): string[] {
  return JSON.stringify(message).match(/https?:\/\/[^\s)"\\]+/g) ?? [];
}

/** Whether a text could start a character reference: "&lt;", "&#64;", "&amp". */
export const CHARACTER_REFERENCE = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/i;

/** The labels our own facts carry, the only text markdown_v2 makes bold. */
export function factLabels(t: LocaleText): Set<string> {
  const groups = [t.issue, t.pullRequest, t.push, t.generic];
  return new Set(
    groups.flatMap((group) =>
      Object.values(group).filter((value): value is string => typeof value === 'string'),
    ),
  );
}

/**
 * A CommonMark parser with everything on (HTML, tables, strikethrough, bare-address links):
 * stricter than WeCom, so what it finds in user text WeCom could find too.
 */
const parser = new MarkdownIt('default', { html: true, linkify: true });
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

interface Token {
  type: string;
  tag: string;
  content: string;
  map: [number, number] | null;
  attrGet(name: string): string | null;
  children: Token[] | null;
}

function flatten(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...flatten(token.children ?? [])]);
}

/** Our own tags in markdown: the grey colour, and the `<@userid>` of each pinged person. */
function ourTags(msgtype: string, userids: readonly string[]): string[] {
  return msgtype === 'markdown'
    ? ['<font color="comment">', '</font>', ...userids.map((id) => `<@${id}>`)]
    : [];
}

/**
 * What user text smuggled into a message: anything beyond what the renderers write
 * themselves (the `###` title, one excerpt quote, links to Gitee, grey labels, the mention
 * tokens they were given; in markdown_v2 lists, bold fact labels and one rule).
 */
export function leaksOf(
  message: WecomMessage,
  t: LocaleText,
  userids: readonly string[] = [],
): string[] {
  const leaks: string[] = [];
  const strings = message.msgtype === 'template_card' ? cardStrings(message) : [contentOf(message)];
  for (const text of strings) {
    if (CHARACTER_REFERENCE.test(text)) leaks.push(`character reference in: ${text}`);
    const rest = ourTags(message.msgtype, userids).reduce(
      (left, tag) => left.split(tag).join(''),
      text,
    );
    if (/[<>]/.test(rest.replace(/^> /gm, ''))) leaks.push(`tag or mention in: ${text}`);
    const addresses = rest.replace(/https:\/\/gitee\.com\/[^\s)]*/g, '');
    if (/:\/\/|\bwww\./i.test(addresses)) leaks.push(`address in: ${text}`);
  }
  if (message.msgtype === 'markdown' || message.msgtype === 'markdown_v2') {
    leaks.push(...markdownLeaks(contentOf(message), message.msgtype, factLabels(t)));
  }
  return leaks;
}

function markdownLeaks(content: string, msgtype: string, labels: Set<string>): string[] {
  const leaks: string[] = [];
  const tokens = flatten(parser.parse(content, {}) as unknown as Token[]);
  const v2 = msgtype === 'markdown_v2';
  let quotes = 0;
  let rules = 0;
  tokens.forEach((token, index) => {
    const where = `${token.type} at line ${token.map?.[0] ?? '?'}`;
    switch (token.type) {
      case 'heading_open':
        if (token.map?.[0] !== 0 || token.tag !== 'h3') leaks.push(`heading: ${where}`);
        break;
      case 'link_open': {
        const href = token.attrGet('href') ?? '';
        if (!href.startsWith('https://gitee.com/')) leaks.push(`link to ${href}`);
        break;
      }
      case 'blockquote_open':
        quotes += 1;
        break;
      case 'hr':
        rules += 1;
        if (!v2) leaks.push(`rule: ${where}`);
        break;
      case 'strong_open': {
        const label = tokens[index + 1]?.content ?? '';
        if (!v2 || !labels.has(label)) leaks.push(`bold "${label}": ${where}`);
        break;
      }
      case 'bullet_list_open':
        if (!v2 || (token.map?.[0] ?? 0) < 1) leaks.push(`list: ${where}`);
        break;
      case 'html_inline':
      case 'html_block':
        if (!['<font color="comment">', '</font>'].includes(token.content.trim()) || v2) {
          leaks.push(`html ${token.content}: ${where}`);
        }
        break;
      case 'em_open':
      case 's_open':
      case 'code_inline':
      case 'code_block':
      case 'fence':
      case 'image':
      case 'table_open':
      case 'ordered_list_open':
        leaks.push(where);
        break;
    }
  });
  if (quotes > 1) leaks.push(`${quotes} quotes`);
  if (rules > 1) leaks.push(`${rules} rules`);
  const nested = tokens.filter((token) => token.type === 'bullet_list_open').length;
  const lists = content.split('\n\n').filter((block) => block.startsWith('- ')).length;
  if (nested > lists) leaks.push(`nested lists: ${nested} for ${lists}`);
  return leaks;
}

function cardStrings(message: Extract<WecomMessage, { msgtype: 'template_card' }>): string[] {
  const card = message.template_card;
  return [
    card.source.desc,
    card.main_title.title,
    card.main_title.desc ?? '',
    card.sub_title_text ?? '',
    ...(card.horizontal_content_list ?? []).flatMap((item) => [item.keyname, item.value]),
    ...(card.jump_list ?? []).map((item) => item.title),
  ];
}
