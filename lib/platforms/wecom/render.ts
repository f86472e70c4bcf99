import type { EventView } from '../../view/event-view';
import type { RenderOptions } from '../chat-platform';
import type { WecomRenderInput } from './blocks';
import { fitWithin, fullBudget } from './fit';
import { fitsWecomContent } from './limits';
import { resolveWecomMentions } from './mentions';
import { isWecomMsgtype, type WecomMessage, type WecomMsgtype } from './message';
import { renderCard } from './render-card';
import { renderMarkdown } from './render-markdown';
import { renderMarkdownV2 } from './render-markdown-v2';
import { renderText } from './render-text';
import { squeezeWecom } from './squeeze';

const DEFAULT_MAX_COMMITS = 5;
/** A configured maxCommits beyond this would only be cut again by the size limit. */
const MAX_COMMITS_CAP = 50;

/**
 * One event as one WeCom robot's message: mentions resolved for the msgtype, rendered, and
 * within WeCom's bytes of the limited content (4,096 markdown, 2,048 text; §2.5), shrinking
 * the commit list and the excerpts first. WeCom has no keywords, so there are none to add.
 * Pure: no I/O, no clock.
 */
export function renderWecom(view: EventView, options: RenderOptions): WecomMessage {
  // Settings validate the msgtype; should another slip through, the default is markdown.
  const msgtype: WecomMsgtype = isWecomMsgtype(options.msgtype) ? options.msgtype : 'markdown';
  const mentions = resolveWecomMentions(view, options.mentions, options.atAll, msgtype);
  const maxItems = maxCommits(options.maxCommits);
  const input = (budget: WecomRenderInput['budget']): WecomRenderInput => ({
    view,
    t: options.t,
    budget,
    unmapped: mentions.unmapped,
  });
  const fit = (render: (input: WecomRenderInput) => WecomMessage) =>
    fitWithin((budget) => render(input(budget)), fits, squeezeWecom, maxItems);
  switch (msgtype) {
    case 'markdown':
      return fit((one) => renderMarkdown(one, mentions.userids));
    case 'markdown_v2':
      return fit(renderMarkdownV2);
    case 'text':
      return fit((one) => renderText(one, mentions));
    case 'template_card':
      // No byte limit: each field is cut to its recommended length instead.
      return renderCard(input(fullBudget(maxItems)));
  }
}

/** Whether the limited content is within WeCom's bytes (a card has none to count). */
function fits(message: WecomMessage): boolean {
  // A spread object literal can be read by field name; the interfaces have no index signature.
  return fitsWecomContent({ ...message });
}

function maxCommits(value: number): number {
  return Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_COMMITS_CAP)
    : DEFAULT_MAX_COMMITS;
}
