import type { ActionCardButton, ActionCardMessage } from './message';
import { pageLinksOf } from '../../view/render-blocks';
import { atField, renderTitle, type RenderInput } from './render-input';
import { markdownText } from './render-markdown';
import { wrapLink } from './wrap-link';

/**
 * actionCard: the markdown body with the links turned into buttons: one "查看…" button for
 * the primary page, or side-by-side buttons when there are two (pull request + files).
 */
export function renderActionCard(input: RenderInput): ActionCardMessage {
  const title = renderTitle(input);
  const text = markdownText(input, { links: false, atAll: true });
  const buttons: ActionCardButton[] = pageLinksOf(input).map((page) => ({
    title: page.label,
    actionURL: wrapLink(page.url, input.linkMode),
  }));
  const [only] = buttons;
  const card: ActionCardMessage['actionCard'] =
    buttons.length === 1 && only
      ? { title, text, singleTitle: only.title, singleURL: only.actionURL }
      : { title, text, btnOrientation: buttons.length === 2 ? '1' : '0', btns: buttons };
  return { msgtype: 'actionCard', actionCard: card, ...atField(input.mentions) };
}
