import type { TemplatedRenderer, TemplateOutput } from '../../templates/types';
import { shownLinks } from '../../view/budget';
import type { EventView } from '../../view/event-view';
import { fullBudget } from '../../view/fit-ladder';
import { homeLinks } from '../../view/home-links';
import { mentionLine, renderSpans } from '../../view/render-blocks';
import type { RenderOptions } from '../chat-platform';
import { escapeMarkdown, escapePlainText } from './escape';
import { applyKeyword } from './keyword';
import { resolveMentions } from './mentions';
import { MAX_MESSAGE_BYTES, messageBytes, type DingTalkMessage } from './message';
import { plainStyle } from './render-input';
import { markdownSafeUrl, wrapLink } from './wrap-link';

/** DingTalk's token for @everyone, which an actionCard needs in its text (robot API §5). */
const AT_ALL_TOKEN = '@所有人';
/** Buttons keep to addresses this long, so a template's text has the room (as fit.ts). */
const BUDGET = fullBudget(0, { any: 1000, short: 1000 });

/**
 * A templated DingTalk message (issue 12): the template's text is the markdown or actionCard
 * text and its title the `title` (the built-in headline without one); the product adds the
 * mention tokens DingTalk needs in the text, the actionCard's buttons and the keyword.
 */
export const dingtalkTemplated: TemplatedRenderer<DingTalkMessage> = {
  msgtypes: ['markdown', 'actionCard'],
  // The title is plain text wherever DingTalk shows it (notifications, the chat list).
  title: () => ({ escape: escapePlainText, linkTarget: (url) => url }),
  text: (options) => ({
    escape: escapeMarkdown,
    linkTarget: (url) => markdownSafeUrl(wrapLink(url, options.linkMode)),
  }),
  compose,
  fits: (message) => messageBytes(message) <= MAX_MESSAGE_BYTES,
};

function compose(output: TemplateOutput, view: EventView, options: RenderOptions): DingTalkMessage {
  const mentions = resolveMentions(view, options.mentions, options.atAll);
  const card = options.msgtype === 'actionCard';
  const title = output.title ?? renderSpans(view.headline, plainStyle, BUDGET);
  const tokens = [...(card && mentions.atAll ? [AT_ALL_TOKEN] : []), ...mentions.tokens];
  const text = [output.text, mentionLine(options.t, tokens)].filter((part) => part !== '');
  const at = mentions.at ? { at: mentions.at } : {};
  const message: DingTalkMessage = card
    ? {
        msgtype: 'actionCard',
        actionCard: actionCard(title, text.join('\n\n'), view, options),
        ...at,
      }
    : { msgtype: 'markdown', markdown: { title, text: text.join('\n\n') }, ...at };
  return applyKeyword(message, options.keywords);
}

function actionCard(title: string, text: string, view: EventView, options: RenderOptions) {
  const buttons = shownLinks(view.links, BUDGET, homeLinks(view, options.t)).map((page) => ({
    title: page.label,
    actionURL: wrapLink(page.url, options.linkMode),
  }));
  const [only] = buttons;
  return buttons.length === 1 && only
    ? { title, text, singleTitle: only.title, singleURL: only.actionURL }
    : {
        title,
        text,
        btnOrientation: buttons.length === 2 ? ('1' as const) : ('0' as const),
        btns: buttons,
      };
}
