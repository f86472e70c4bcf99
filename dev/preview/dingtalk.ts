import { escapeHtml, highlightMentions, renderDingTalkMarkdown } from '../dingtalk-markdown';
import { fieldsOf, stringOf, stringsOf, type Fields } from './fields';
import type { PreviewButton, RenderedBody } from './types';

/** The tokens DingTalk highlights, from the message's `at` (§5 "@ mentions"). */
function mentionsOf(message: Fields): string[] {
  const at = fieldsOf(message.at);
  const ids = [...stringsOf(at.atMobiles), ...stringsOf(at.atUserIds)].map((id) => `@${id}`);
  return at.isAtAll === true ? [...ids, '@所有人'] : ids;
}

/** actionCard: one whole-card button (singleTitle wins, as in DingTalk), or the btns list. */
function buttonsOf(card: Fields): PreviewButton[] {
  const single = stringOf(card.singleTitle);
  if (single !== '') return [{ title: single, url: stringOf(card.singleURL) }];
  if (!Array.isArray(card.btns)) return [];
  return card.btns.map(fieldsOf).map((btn) => ({
    title: stringOf(btn.title),
    url: stringOf(btn.actionURL),
  }));
}

/**
 * text: shown as typed, and DingTalk appends its own copy of every mention from `at` even when
 * the body already has one (§5). Other types render their markdown.
 */
function bodyHtml(msgtype: string, content: Fields, mentions: string[]): string {
  if (msgtype === 'text') {
    const shown = [stringOf(content.content), ...mentions].join(' ');
    return `<p class="plain">${highlightMentions(escapeHtml(shown), mentions)}</p>`;
  }
  return renderDingTalkMarkdown(stringOf(content.text), { mentions });
}

export const DINGTALK_RENDERED: ReadonlySet<string> = new Set(['markdown', 'actionCard', 'text']);

/** A markdown, actionCard or text message as the DingTalk client draws it (§5). */
export function renderDingTalkBody(msgtype: string, body: unknown): RenderedBody {
  const message = fieldsOf(body);
  const content = fieldsOf(message[msgtype]);
  const mentions = mentionsOf(message);
  return {
    title: msgtype === 'text' ? null : stringOf(content.title) || null,
    header: null,
    html: bodyHtml(msgtype, content, mentions),
    buttons: msgtype === 'actionCard' ? buttonsOf(content) : [],
    buttonsInRow: content.btnOrientation === '1',
    mentions,
  };
}
