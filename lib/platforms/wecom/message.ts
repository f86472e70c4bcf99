/**
 * WeCom (企业微信) group-robot message bodies, as POSTed to /cgi-bin/webhook/send?key=<key>.
 * Source: ../shared/docs/feishu-wecom-robot-api.md §2.2–§2.4.
 */

/** The msgtypes a robot may be configured with; the first is the default (issue 10). */
export const WECOM_MSGTYPES = ['markdown', 'markdown_v2', 'text', 'template_card'] as const;
export type WecomMsgtype = (typeof WECOM_MSGTYPES)[number];

/** Every client renders it; `<@userid>` in `content` mentions, `<font color>` colours. */
export interface WecomMarkdownMessage {
  msgtype: 'markdown';
  /** At most 4,096 bytes of UTF-8. */
  markdown: { content: string };
}

/** Lists, tables and rules, but no colours or mentions; old clients show it as plain text. */
export interface WecomMarkdownV2Message {
  msgtype: 'markdown_v2';
  /** At most 4,096 bytes of UTF-8. */
  markdown_v2: { content: string };
}

export interface WecomTextMessage {
  msgtype: 'text';
  text: {
    /** At most 2,048 bytes of UTF-8. */
    content: string;
    /** userids; "@all" is everyone. */
    mentioned_list?: string[];
    mentioned_mobile_list?: string[];
  };
}

/** `template_card` of `card_type: text_notice` ("文本通知模版卡片"); no mentions possible. */
export interface WecomTextNoticeCard {
  card_type: 'text_notice';
  source: { desc: string; desc_color: 0 | 1 | 2 | 3 };
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  /** At most 6. */
  horizontal_content_list?: Array<{ keyname: string; value: string }>;
  /** At most 3. */
  jump_list?: Array<{ type: 1; title: string; url: string }>;
  /** Required: where a tap on the card goes. */
  card_action: { type: 1; url: string };
}

export interface WecomTemplateCardMessage {
  msgtype: 'template_card';
  template_card: WecomTextNoticeCard;
}

export type WecomMessage =
  WecomMarkdownMessage | WecomMarkdownV2Message | WecomTextMessage | WecomTemplateCardMessage;

export function isWecomMsgtype(value: string): value is WecomMsgtype {
  return (WECOM_MSGTYPES as readonly string[]).includes(value);
}
