import { shownLinks, type Budget } from '../../view/budget';
import type { EventView, PageLink } from '../../view/event-view';
import type { LocaleText } from '../../view/locales/locale-text';
import { renderBlocks, type SpanStyle } from '../../view/render-blocks';
import { escapeFeishuMarkdown, escapeFeishuPlain, markdownLinkTarget } from './escape';
import type { EventTone } from './event-tone';
import type { FeishuMentions } from './mentions';

/** What every Feishu renderer draws from, for one Budget. */
export interface FeishuRenderInput {
  view: EventView;
  t: LocaleText;
  budget: Budget;
  mentions: FeishuMentions;
  tone: EventTone;
  keywords: readonly string[];
  /** Pages to link when every page of the view has too long an address (see homeLinks). */
  home: PageLink[];
}

/** `text`, post text nodes and `plain_text` fields: links become their labels. */
export const plainStyle: SpanStyle = { escape: escapeFeishuPlain, link: (label) => label };

/** Card markdown: `[label](target)`, a label of only an arrow when the label is empty. */
export const markdownStyle: SpanStyle = {
  escape: escapeFeishuMarkdown,
  link: (label, url) => `[${label}](${markdownLinkTarget(url)})`,
};

/** The shared blocks (heading, context, facts, items, excerpt, unmapped names) in `style`. */
export function feishuBlocks(input: FeishuRenderInput, style: SpanStyle) {
  const { view, t, budget, mentions, home } = input;
  return renderBlocks({ view, t, budget, unmapped: mentions.unmapped, home }, style, plainStyle);
}

/** The view's pages as this rendering links them: buttons, `a` nodes, written-out links. */
export function pagesOf(input: FeishuRenderInput): PageLink[] {
  return shownLinks(input.view.links, input.budget, input.home);
}

/** The card footer: where the message comes from and which event it is. */
export function footerText(input: FeishuRenderInput): string {
  const { tone, t } = input;
  return tone.event === null ? 'Gitee' : `Gitee${t.separator}${tone.event}`;
}
