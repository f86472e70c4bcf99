import type { Budget } from '../../view/budget';
import type { EventView } from '../../view/event-view';
import { homeLinks } from '../../view/home-links';
import type { RenderInput } from './render-input';
import type { RenderOptions } from '../chat-platform';
import { fitMessage } from './fit';
import { applyKeyword } from './keyword';
import { resolveMentions } from './mentions';
import type { DingTalkMessage, MsgType } from './message';
import { renderActionCard } from './render-action-card';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

const RENDERERS: Readonly<Record<MsgType, (input: RenderInput) => DingTalkMessage>> = {
  markdown: renderMarkdown,
  actionCard: renderActionCard,
  text: renderText,
};

const DEFAULT_MAX_COMMITS = 5;
/** A configured maxCommits beyond this would only be cut again by the size limit. */
const MAX_COMMITS_CAP = 50;

/**
 * One robot's DingTalk message: rendered for its msgtype and locale, keyworded, with its
 * mentions, and within DingTalk's size limit. Pure: no I/O, no clock. A msgtype that slipped
 * past settings validation renders as markdown, the default.
 */
export function renderDingTalk(view: EventView, options: RenderOptions): DingTalkMessage {
  const { t } = options;
  const mentions = resolveMentions(view, options.mentions, options.atAll);
  const home = homeLinks(view, t);
  const draw = Object.hasOwn(RENDERERS, options.msgtype)
    ? RENDERERS[options.msgtype as MsgType]
    : renderMarkdown;
  const render = (budget: Budget): DingTalkMessage => {
    const input: RenderInput = {
      view,
      t,
      budget,
      linkMode: options.linkMode,
      mentions,
      unmapped: mentions.unmapped,
      home,
    };
    return applyKeyword(draw(input), options.keywords);
  };
  return fitMessage(render, maxCommits(options.maxCommits));
}

function maxCommits(value: number): number {
  return Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_COMMITS_CAP)
    : DEFAULT_MAX_COMMITS;
}
