import type { ParsedDelivery } from '../../gitee/event';
import type { DingTalkMessage } from './message';
import type { MentionTarget, MessageOptions } from '../../settings/types';
import { applyKeyword } from './keyword';
import { describeEvent } from '../../view/describe-event';
import { fitMessage } from './fit';
import { giteeHome, onGiteeHost } from '../../view/gitee-links';
import { localeText } from '../../view/locales/locale-text';
import type { Budget } from '../../view/budget';
import type { RenderInput } from '../../view/render-blocks';
import { renderActionCard } from './render-action-card';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import { resolveMentions } from './mentions';

export interface FormatOptions extends MessageOptions {
  /** The robot's custom keywords: one of them must be in every message. */
  keywords: readonly string[];
  /** Gitee login → DingTalk mobile or userId. */
  mentions: Readonly<Record<string, MentionTarget>>;
  /** This route wants @everyone. */
  atAll: boolean;
  /**
   * Where links may point (settings `links.giteeHosts`, gitee.com always among them): a payload
   * address on any other host is replaced by one on the first.
   */
  giteeHosts: readonly string[];
}

const DEFAULT_MAX_COMMITS = 5;
/** A configured maxCommits beyond this would only be cut again by the size limit. */
const MAX_COMMITS_CAP = 50;

/**
 * A Gitee delivery as one DingTalk robot message: described once, rendered for the robot's
 * msgtype and locale, keyworded, with its mentions, and within DingTalk's size limit.
 * Pure: no I/O, no environment, no clock, no machine locale or timezone.
 */
export function formatMessage(delivery: ParsedDelivery, options: FormatOptions): DingTalkMessage {
  const t = localeText(options.locale);
  const repository = onGiteeHost(delivery.repository, options.giteeHosts);
  const view = describeEvent({ ...delivery, repository }, { t, timezone: options.timezone });
  const mentions = resolveMentions(view, options.mentions, options.atAll);
  const home = [
    { label: t.links.repository, url: repository.url },
    { label: t.links.gitee, url: giteeHome(repository) },
  ];
  const render = (budget: Budget): DingTalkMessage => {
    const input: RenderInput = { view, t, budget, linkMode: options.linkMode, mentions, home };
    return applyKeyword(renderFor(options.msgtype, input), options.keywords);
  };
  return fitMessage(render, maxCommits(options.maxCommits));
}

function renderFor(msgtype: FormatOptions['msgtype'], input: RenderInput): DingTalkMessage {
  switch (msgtype) {
    case 'actionCard':
      return renderActionCard(input);
    case 'text':
      return renderText(input);
    case 'markdown':
      return renderMarkdown(input);
    default: {
      // Settings validation rejects other msgtypes; should one slip through, markdown is the default.
      const unknown: never = msgtype;
      void unknown;
      return renderMarkdown(input);
    }
  }
}

function maxCommits(value: number): number {
  return Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_COMMITS_CAP)
    : DEFAULT_MAX_COMMITS;
}
