import type { TemplatedRenderer, TemplateOutput } from '../../templates/types';
import { shownLinks } from '../../view/budget';
import type { EventView, PageLink } from '../../view/event-view';
import { fullBudget } from '../../view/fit-ladder';
import { homeLinks } from '../../view/home-links';
import { mentionLine, renderSpans } from '../../view/render-blocks';
import type { RenderOptions } from '../chat-platform';
import { plainStyle } from './blocks';
import { escapeFeishuMarkdown, escapeFeishuPlain, markdownLinkTarget } from './escape';
import { eventTone } from './event-tone';
import { keywordTag, visibleMarkdown } from './keyword';
import { fitsFeishuBody } from './limits';
import { cardMentionTokens, resolveFeishuMentions } from './mentions';
import type { CardHeader, FeishuMessage, InteractiveMessage, PlainText } from './message';

/** Buttons keep to addresses this long, so a template's text has the room (as fit.ts). */
const BUDGET = fullBudget(0, { any: 1000, short: 1000 });

/**
 * A templated Feishu card (issue 12): the template's text is the `lark_md` body (Card 1.0) or
 * the markdown component (2.0), its title the header (the built-in headline without one);
 * the product adds the mention tokens, the buttons, the footer and the keyword where the
 * bot looks for it, as the built-in cards do (render-card.ts, render-card2.ts).
 */
export const feishuTemplated: TemplatedRenderer<FeishuMessage> = {
  msgtypes: ['interactive', 'interactive2'],
  title: () => ({ escape: escapeFeishuPlain, linkTarget: (url) => url }),
  text: () => ({ escape: escapeFeishuMarkdown, linkTarget: markdownLinkTarget }),
  compose,
  // Measured as signed: a robot's secret is not known here, and signing adds 79 bytes.
  fits: (message) => fitsFeishuBody(message, { signed: true }),
};

interface CardParts {
  header: CardHeader;
  body: string;
  pages: PageLink[];
  /** The footer, with the keyword in front when neither the body nor the footer shows one. */
  note: string;
}

function compose(output: TemplateOutput, view: EventView, options: RenderOptions) {
  const { t, keywords } = options;
  const card2 = options.msgtype === 'interactive2';
  const mentions = resolveFeishuMentions(view, options.mentions, options.atAll);
  const body = [output.text, mentionLine(t, cardMentionTokens(mentions))]
    .filter((part) => part !== '')
    .join(card2 ? '\n\n' : '\n');
  const heading = output.title ?? renderSpans(view.headline, plainStyle, BUDGET);
  const tone = eventTone(view, t);
  const footer = tone.event === null ? 'Gitee' : `Gitee${t.separator}${tone.event}`;
  const parts: CardParts = {
    header: { template: tone.template, title: plain(keywordTag(keywords, heading) + heading) },
    body,
    pages: shownLinks(view.links, BUDGET, homeLinks(view, t)),
    note: keywordTag(keywords, `${visibleMarkdown(body)}\n${footer}`) + footer,
  };
  return card2 ? card2Of(parts) : card1Of(parts);
}

function plain(content: string): PlainText {
  return { tag: 'plain_text', content };
}

function buttonType(index: number): 'primary' | 'default' {
  return index === 0 ? 'primary' : 'default';
}

function card1Of({ header, body, pages, note }: CardParts): InteractiveMessage {
  const actions = pages.map((page, index) => ({
    tag: 'button' as const,
    text: plain(page.label),
    type: buttonType(index),
    url: page.url,
  }));
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header,
      elements: [
        { tag: 'div', text: { tag: 'lark_md', content: body } },
        ...(actions.length === 0 ? [] : [{ tag: 'action' as const, actions }]),
        { tag: 'note', elements: [plain(note)] },
      ],
    },
  };
}

function card2Of({ header, body, pages, note }: CardParts): InteractiveMessage {
  const buttons = pages.map((page, index) => ({
    tag: 'button' as const,
    text: plain(page.label),
    type: buttonType(index),
    behaviors: [{ type: 'open_url' as const, default_url: page.url }] as [
      { type: 'open_url'; default_url: string },
    ],
  }));
  return {
    msg_type: 'interactive',
    card: {
      schema: '2.0',
      config: { update_multi: true },
      header,
      body: {
        elements: [
          { tag: 'markdown', content: body },
          ...buttons,
          { tag: 'markdown', content: `<font color='grey'>${note}</font>`, text_size: 'notation' },
        ],
      },
    },
  };
}
