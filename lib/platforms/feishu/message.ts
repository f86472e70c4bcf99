/**
 * Feishu/Lark custom-bot message bodies: the JSON POSTed to /open-apis/bot/v2/hook/<token>
 * before `timestamp` and `sign` are added. The webhook takes `content` (and `card`) as JSON
 * objects, not as the JSON-encoded strings of the app API.
 * Source: ../shared/docs/feishu-wecom-robot-api.md §1.4–1.6.
 */

/** The msgtypes a robot may configure; the first is the default. */
export const FEISHU_MSGTYPES = ['interactive', 'interactive2', 'post', 'text'] as const;
export type FeishuMsgType = (typeof FEISHU_MSGTYPES)[number];

/** §1.5.1: the header colours a card may take. */
export type CardTemplate =
  | 'blue'
  | 'wathet'
  | 'turquoise'
  | 'green'
  | 'yellow'
  | 'orange'
  | 'red'
  | 'carmine'
  | 'violet'
  | 'purple'
  | 'indigo'
  | 'grey'
  | 'default';

export type PlainText = { tag: 'plain_text'; content: string };
export type LarkMd = { tag: 'lark_md'; content: string };

export type CardHeader = { template: CardTemplate; title: PlainText };

/** 1.0 button: custom bots may only open a URL (§1.5). */
export type CardButton = {
  tag: 'button';
  text: PlainText;
  type: 'primary' | 'default';
  url: string;
};

export type CardElement =
  | { tag: 'div'; text: LarkMd }
  | { tag: 'action'; actions: CardButton[] }
  | { tag: 'note'; elements: PlainText[] };

/** Card JSON 1.0: renders on every client (§1.5.1). */
export type Card1 = {
  config: { wide_screen_mode: true };
  header: CardHeader;
  elements: CardElement[];
};

/** 2.0 has no `action` module: a button opens its page through `behaviors` (§1.5.2). */
export type Card2Button = {
  tag: 'button';
  text: PlainText;
  type: 'primary' | 'default';
  behaviors: [{ type: 'open_url'; default_url: string }];
};

export type Card2Markdown = { tag: 'markdown'; content: string; text_size?: 'notation' };

/** Card JSON 2.0: rejects unknown properties and the 1.0 `note` and `action` (§1.5.2). */
export type Card2 = {
  schema: '2.0';
  config: { update_multi: true };
  header: CardHeader;
  body: { elements: Array<Card2Markdown | Card2Button> };
};

export type InteractiveMessage = { msg_type: 'interactive'; card: Card1 | Card2 };

/** Post nodes documented for custom bots (§1.4); `at` with user_id "all" is everyone. */
export type PostNode =
  | { tag: 'text'; text: string }
  | { tag: 'a'; text: string; href: string }
  | { tag: 'at'; user_id: string };

export type PostLanguage = 'zh_cn' | 'en_us';

export type PostBody = { title: string; content: PostNode[][] };

export type PostMessage = {
  msg_type: 'post';
  content: { post: Partial<Record<PostLanguage, PostBody>> };
};

/** Plain text; `\n` breaks lines and `<at user_id="…"></at>` mentions (§1.4, §1.6). */
export type TextMessage = { msg_type: 'text'; content: { text: string } };

export type FeishuMessage = InteractiveMessage | PostMessage | TextMessage;

export function isCard2(card: Card1 | Card2): card is Card2 {
  return 'schema' in card;
}
