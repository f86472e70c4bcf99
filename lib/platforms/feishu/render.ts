import type { EventView } from '../../view/event-view';
import type { Budget } from '../../view/budget';
import { homeLinks } from '../../view/home-links';
import type { RenderOptions } from '../chat-platform';
import type { FeishuRenderInput } from './blocks';
import { eventTone } from './event-tone';
import { fitWithin } from './fit';
import { fitsFeishuBody } from './limits';
import { resolveFeishuMentions } from './mentions';
import type { FeishuMessage, FeishuMsgType } from './message';
import { renderCard } from './render-card';
import { renderCard2 } from './render-card2';
import { renderPost } from './render-post';
import { renderText } from './render-text';

const DEFAULT_MAX_COMMITS = 5;
/** A configured maxCommits beyond this would only be cut again by the size limit. */
const MAX_COMMITS_CAP = 50;

const RENDERERS: Readonly<Record<FeishuMsgType, (input: FeishuRenderInput) => FeishuMessage>> = {
  interactive: renderCard,
  interactive2: renderCard2,
  post: renderPost,
  text: renderText,
};

/**
 * One robot's Feishu message: mentions resolved, rendered for its msgtype with the keyword
 * in title and body, and within 20,000 bytes of signed JSON body. Never fails: a msgtype that
 * slipped past settings validation renders as the default card.
 */
export function renderFeishu(view: EventView, options: RenderOptions): FeishuMessage {
  const { t, keywords } = options;
  const mentions = resolveFeishuMentions(view, options.mentions, options.atAll);
  const tone = eventTone(view, t);
  const draw = Object.hasOwn(RENDERERS, options.msgtype)
    ? RENDERERS[options.msgtype as FeishuMsgType]
    : renderCard;
  const home = homeLinks(view, t);
  const render = (budget: Budget) => draw({ view, t, budget, mentions, tone, keywords, home });
  // Measured as signed: a robot's secret is not known here, and signing adds 79 bytes.
  const fits = (message: FeishuMessage) => fitsFeishuBody(message, { signed: true });
  return fitWithin(render, maxCommits(options.maxCommits), fits);
}

function maxCommits(value: number): number {
  return Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_COMMITS_CAP)
    : DEFAULT_MAX_COMMITS;
}
