import type { ParsedDelivery } from '../../gitee/event';
import type { DingTalkMessage } from './message';
import type { MentionTarget, MessageOptions } from '../../settings/types';
import { describeEvent } from '../../view/describe-event';
import { onGiteeHost } from '../../view/gitee-links';
import { localeText } from '../../view/locales/locale-text';
import { renderDingTalk } from './render';

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

/**
 * A Gitee delivery as one DingTalk robot message: described (links vetted against the Gitee
 * hosts), then rendered as the relay does for a DingTalk robot (renderDingTalk).
 * Pure: no I/O, no environment, no clock, no machine locale or timezone.
 */
export function formatMessage(delivery: ParsedDelivery, options: FormatOptions): DingTalkMessage {
  const t = localeText(options.locale);
  const repository = onGiteeHost(delivery.repository, options.giteeHosts);
  // Built-in messages only: no template fields.
  const ctx = { t, timezone: options.timezone };
  const view = describeEvent({ ...delivery, repository }, ctx, { fields: false });
  return renderDingTalk(view, { ...options, t });
}
