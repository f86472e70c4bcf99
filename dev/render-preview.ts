import type { ReceivedMessage } from './dingtalk-robot';
import { escapeHtml, highlightMentions, renderDingTalkMarkdown } from './dingtalk-markdown';

export interface PreviewButton {
  title: string;
  url: string;
}

/** A received message as the page draws it; the HTML is built here, never from raw input. */
export interface MessagePreview {
  id: number;
  robot: string;
  msgtype: string;
  receivedAt: string;
  /** What the phone notification and the chat list show; null for text (they show the text). */
  title: string | null;
  /** The message body as the DingTalk client renders it. */
  html: string;
  buttons: PreviewButton[];
  /** btnOrientation "1": buttons side by side. */
  buttonsInRow: boolean;
  /** Who DingTalk notifies: "@13800000000", "@所有人". */
  mentions: string[];
  accepted: boolean;
  errcode: number | null;
  errmsg: string;
  /** The body as received, for the page's JSON view. */
  message: unknown;
}

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

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

function rawText(message: unknown): string {
  return typeof message === 'string' ? message : (JSON.stringify(message, null, 2) ?? '');
}

const RENDERED: ReadonlySet<string> = new Set(['markdown', 'actionCard', 'text']);

export function renderPreview(id: number, received: ReceivedMessage): MessagePreview {
  const message = fieldsOf(received.message);
  const { msgtype } = received;
  const content = fieldsOf(message[msgtype]);
  const mentions = mentionsOf(message);
  const html = RENDERED.has(msgtype)
    ? bodyHtml(msgtype, content, mentions)
    : `<pre class="raw">${escapeHtml(rawText(received.message))}</pre>`;
  return {
    id,
    robot: received.robot,
    msgtype,
    receivedAt: received.receivedAt,
    title: msgtype === 'text' ? null : stringOf(content.title) || null,
    html,
    buttons: msgtype === 'actionCard' ? buttonsOf(content) : [],
    buttonsInRow: content.btnOrientation === '1',
    mentions,
    accepted: received.errcode === 0,
    errcode: received.errcode,
    errmsg: received.errmsg,
    message: received.message,
  };
}
