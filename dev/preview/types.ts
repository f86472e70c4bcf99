import type { PlatformName } from '../../lib/platforms/infer-platform';

export interface PreviewButton {
  title: string;
  url: string;
}

/** The header colours a Feishu card may name (feishu-wecom-robot-api.md §1.5.1). */
export const FEISHU_TEMPLATES = [
  'blue',
  'wathet',
  'turquoise',
  'green',
  'yellow',
  'orange',
  'red',
  'carmine',
  'violet',
  'purple',
  'indigo',
  'grey',
  'default',
] as const;
export type FeishuTemplate = (typeof FEISHU_TEMPLATES)[number];

/** A Feishu card's header: its title on the colour its `template` names. */
export interface CardHeader {
  title: string;
  /** One of FEISHU_TEMPLATES; anything else a card says is `default`. */
  template: FeishuTemplate;
}

/** How one client shows a message's body: the HTML, built on the server from escaped parts. */
export interface RenderedBody {
  /** What the phone notification and chat list show in place of the body; DingTalk only. */
  title: string | null;
  /** Feishu cards: drawn above the body. */
  header: CardHeader | null;
  html: string;
  /** DingTalk actionCard buttons (other platforms' buttons are in `html`, where they sit). */
  buttons: PreviewButton[];
  /** btnOrientation "1": buttons side by side. */
  buttonsInRow: boolean;
  /** Whom the client notifies: "@13800000000", "@所有人". */
  mentions: string[];
}

/** A received message as the page draws it; the HTML is built here, never from raw input. */
export interface MessagePreview extends RenderedBody {
  id: number;
  platform: PlatformName;
  robot: string;
  /** In settings' words (`interactive2` for a Card JSON 2.0). */
  msgtype: string;
  receivedAt: string;
  accepted: boolean;
  /** The platform's numeric code (Feishu's `code`); null when there was no answer. */
  errcode: number | null;
  errmsg: string;
  /** The body as received, for the page's JSON view. */
  message: unknown;
}
