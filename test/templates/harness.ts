import MarkdownIt from 'markdown-it';
import type { ParsedDelivery } from '../../lib/gitee/event';
import { PLATFORMS } from '../../lib/platforms';
import type { PlatformName, RenderOptions } from '../../lib/platforms/chat-platform';
import type { Locale } from '../../lib/settings/types';
import {
  renderTemplatedOrBuiltIn,
  type TemplatedResult,
} from '../../lib/templates/render-templated';
import type { TemplateSet } from '../../lib/templates/types';
import { describeEvent } from '../../lib/view/describe-event';
import type { EventView } from '../../lib/view/event-view';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { localeText } from '../../lib/view/locales/locale-text';
import {
  shownDingTalk,
  shownFeishu,
  shownWecom,
  type ShownMessage,
} from '../helpers/shown-message';

/** Every platform's msgtypes that take a template. */
export const TARGETS = [
  { platform: 'dingtalk', msgtype: 'markdown' },
  { platform: 'dingtalk', msgtype: 'actionCard' },
  { platform: 'feishu', msgtype: 'interactive' },
  { platform: 'feishu', msgtype: 'interactive2' },
  { platform: 'wecom', msgtype: 'markdown' },
  { platform: 'wecom', msgtype: 'markdown_v2' },
] as const satisfies ReadonlyArray<{ platform: PlatformName; msgtype: string }>;

export type Target = (typeof TARGETS)[number];

export const KEYWORD = 'GiteeRelay';
export const HOSTS = ['gitee.com'];

/** A delivery described as the relay does: links vetted against gitee.com first. */
export function viewOf(delivery: ParsedDelivery, locale: Locale = 'zh-CN'): EventView {
  const repository = onGiteeHost(delivery.repository, HOSTS);
  return describeEvent(
    { ...delivery, repository },
    { t: localeText(locale), timezone: 'Asia/Shanghai' },
  );
}

export function optionsFor(
  target: Target,
  overrides: Partial<Omit<RenderOptions, 't'>> & { locale?: Locale } = {},
): RenderOptions {
  const { locale = 'zh-CN', ...rest } = overrides;
  return {
    msgtype: target.msgtype,
    t: localeText(locale),
    keywords: target.platform === 'wecom' ? [] : [KEYWORD],
    mentions: {},
    atAll: false,
    maxCommits: 5,
    linkMode: 'dingtalk',
    ...rest,
  };
}

export function render(
  view: EventView,
  target: Target,
  templates: TemplateSet | undefined,
  overrides: Partial<Omit<RenderOptions, 't'>> & { locale?: Locale } = {},
): Promise<TemplatedResult<unknown>> {
  return renderTemplatedOrBuiltIn<unknown>({
    view,
    platform: PLATFORMS[target.platform],
    options: optionsFor(target, overrides),
    templates,
    timezone: 'Asia/Shanghai',
    giteeHosts: HOSTS,
  });
}

/** What a reader sees of the message (title, body, bytes against the limit, links, pings). */
export function shown(target: Target, message: unknown): ShownMessage {
  switch (target.platform) {
    case 'dingtalk':
      return shownDingTalk(message);
    case 'feishu':
      return shownFeishu(message);
    case 'wecom':
      return shownWecom(message);
  }
}

type Json = Record<string, unknown>;

/** The markdown the template's text became: DingTalk text, the card's body, WeCom content. */
export function markdownOf(target: Target, message: unknown): string {
  const m = message as Json;
  if (target.platform === 'dingtalk') return String((m[target.msgtype] as Json).text);
  if (target.platform === 'wecom') return String((m[target.msgtype] as Json).content);
  const card = m.card as Json;
  const elements = (card.schema === '2.0' ? (card.body as Json).elements : card.elements) as Json[];
  const first = elements[0]!;
  return String(first.content ?? (first.text as Json).content);
}

const parser = new MarkdownIt('default', { html: true, linkify: true });

interface Token {
  type: string;
  tag: string;
  content: string;
  attrGet(name: string): string | null;
  children: Token[] | null;
}

/**
 * The markup a CommonMark parser with everything on finds in a text: every token but plain
 * text, with link targets and HTML written out. Two renders of one template have the same
 * structure exactly when the data added no markup.
 */
export function structureOf(markdown: string): string[] {
  const flat = (tokens: readonly Token[]): Token[] =>
    tokens.flatMap((token) => [token, ...flat(token.children ?? [])]);
  return flat(parser.parse(markdown, {}) as unknown as Token[])
    .filter((token) => token.type !== 'text' && token.type !== 'inline')
    .map((token) => {
      if (token.type === 'link_open' || token.type === 'image') {
        return `${token.type} ${hostOf(token.attrGet('href') ?? token.attrGet('src'))}`;
      }
      if (token.type.startsWith('html')) return `${token.type} ${token.content.trim()}`;
      return `${token.type} ${token.tag}`;
    });
}

function hostOf(url: string | null): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return `not a URL: ${url}`;
  }
}
