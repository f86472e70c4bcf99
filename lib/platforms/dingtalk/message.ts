/**
 * DingTalk custom-robot message bodies (the JSON POSTed to /robot/send).
 * Source: ../shared/docs/dingtalk-robot-api.md §5.
 */

export type MsgType = 'markdown' | 'actionCard' | 'text';

export interface At {
  atMobiles?: string[];
  atUserIds?: string[];
  isAtAll?: boolean;
}

export interface MarkdownMessage {
  msgtype: 'markdown';
  /** Shown only in the notification and the conversation preview. */
  markdown: { title: string; text: string };
  at?: At;
}

export interface ActionCardButton {
  title: string;
  actionURL: string;
}

export interface ActionCardMessage {
  msgtype: 'actionCard';
  actionCard: {
    title: string;
    text: string;
    btnOrientation?: '0' | '1';
    singleTitle?: string;
    singleURL?: string;
    btns?: ActionCardButton[];
  };
  at?: At;
}

export interface TextMessage {
  msgtype: 'text';
  text: { content: string };
  at?: At;
}

export type DingTalkMessage = MarkdownMessage | ActionCardMessage | TextMessage;

/** DingTalk refuses bodies over 20,000 bytes of UTF-8 JSON (errcode 460101). */
export const MAX_MESSAGE_BYTES = 20_000;

export function messageBytes(message: DingTalkMessage): number {
  return Buffer.byteLength(JSON.stringify(message), 'utf8');
}
