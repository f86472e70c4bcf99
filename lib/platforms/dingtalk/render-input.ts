import type { LinkMode } from '../../settings/types';
import { renderSpans, type BlocksInput, type SpanStyle } from '../../view/render-blocks';
import { escapePlainText } from './escape';
import type { At } from './message';
import type { ResolvedMentions } from './mentions';

/** What DingTalk's renderers get: the shared blocks' input, the link mode and the mentions. */
export interface RenderInput extends BlocksInput {
  linkMode: LinkMode;
  mentions: ResolvedMentions;
}

/** Plain text: the title (notifications show it raw) and `text` messages. */
export const plainStyle: SpanStyle = { escape: escapePlainText, link: (label) => label };

/** The title, as DingTalk shows it in the notification and the conversation list. */
export function renderTitle(input: RenderInput): string {
  return renderSpans(input.view.headline, plainStyle, input.budget);
}

/** `at` only when someone is mentioned: an empty object is bytes for nothing. */
export function atField(mentions: ResolvedMentions): { at?: At } {
  return mentions.at ? { at: mentions.at } : {};
}
