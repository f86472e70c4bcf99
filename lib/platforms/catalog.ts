import type { MentionKey } from './chat-platform';
import type { MsgType as DingTalkWireMsgType } from './dingtalk/message';
import type { FeishuMsgType as FeishuWireMsgType } from './feishu/message';
import { checkFeishuWebhook } from './feishu/webhook-url';
import type { PlatformName, WebhookCheck } from './infer-platform';
import type { WecomMsgtype as WecomWireMsgType } from './wecom/message';
import { normalizeWecomWebhook } from './wecom/webhook-url';

/**
 * What settings validation needs to know about each chat platform, as data: it reads this
 * table and nothing else, so loading settings never pulls in a renderer. The ChatPlatform
 * objects (lib/platforms/<name>/index.ts, gathered in lib/platforms/index.ts) carry the same
 * facts for sending and must agree with this table (test/settings/platform-catalog.test.ts).
 */
export interface PlatformFacts<M extends string = string> {
  /** How people call it: "DingTalk", "Feishu", "WeCom". */
  readonly label: string;
  /** Configurable msgtypes; the first is the default. */
  readonly msgtypes: readonly [M, ...M[]];
  /** Custom keywords a robot may have; 0: the platform has none (a config error to set them). */
  readonly maxKeywords: number;
  /** Whether robots/<name>/secret means anything; where not, having one is a config error. */
  readonly signs: boolean;
  /** The `mentions.<login>` keys this platform reads. */
  readonly mentionKeys: readonly MentionKey[];
  /** Whether `linkMode` means anything (DingTalk's in-app webview or the system browser). */
  readonly linkMode: boolean;
  /** The webhook to store (normalised) or why it is refused, in words that never quote it. */
  checkWebhook(webhook: string): WebhookCheck;
}

export const DINGTALK_MSGTYPES = ['markdown', 'actionCard', 'text'] as const;
export const FEISHU_MSGTYPES = ['interactive', 'interactive2', 'post', 'text'] as const;
export const WECOM_MSGTYPES = ['markdown', 'markdown_v2', 'text', 'template_card'] as const;

export type DingTalkMsgType = (typeof DINGTALK_MSGTYPES)[number];
export type FeishuMsgType = (typeof FEISHU_MSGTYPES)[number];
export type WecomMsgType = (typeof WECOM_MSGTYPES)[number];

export interface MsgTypeOf {
  dingtalk: DingTalkMsgType;
  feishu: FeishuMsgType;
  wecom: WecomMsgType;
}
/** A msgtype some platform has; which robot may use it depends on the robot's platform. */
export type PlatformMsgType = MsgTypeOf[PlatformName];

// The renderers' own lists are the wire truth: this fails to compile when one drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type CatalogMatchesRenderers = [
  Holds<Same<DingTalkMsgType, DingTalkWireMsgType>>,
  Holds<Same<FeishuMsgType, FeishuWireMsgType>>,
  Holds<Same<WecomMsgType, WecomWireMsgType>>,
];

/** DingTalk takes any http(s) address, so a robot can sit behind a proxy or be an emulator. */
function checkHttpWebhook(webhook: string): WebhookCheck {
  const trimmed = webhook.trim();
  try {
    const url = new URL(trimmed);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '') {
      return { ok: true, webhook: trimmed };
    }
  } catch {
    // Falls through to the problem below.
  }
  return { ok: false, error: 'must be an http(s) URL' };
}

/** Adding a platform is one line here (and its folder); the mapped type insists on it. */
export const PLATFORM_CATALOG: { readonly [P in PlatformName]: PlatformFacts<MsgTypeOf[P]> } = {
  dingtalk: {
    label: 'DingTalk',
    msgtypes: DINGTALK_MSGTYPES,
    maxKeywords: 10,
    signs: true,
    mentionKeys: ['mobile', 'userId'],
    linkMode: true,
    checkWebhook: checkHttpWebhook,
  },
  feishu: {
    label: 'Feishu',
    msgtypes: FEISHU_MSGTYPES,
    maxKeywords: 10,
    signs: true,
    mentionKeys: ['feishu'],
    linkMode: false,
    checkWebhook: checkFeishuWebhook,
  },
  wecom: {
    label: 'WeCom',
    msgtypes: WECOM_MSGTYPES,
    maxKeywords: 0,
    signs: false,
    mentionKeys: ['wecom', 'mobile'],
    linkMode: false,
    checkWebhook: normalizeWecomWebhook,
  },
};

export function platformFacts<P extends PlatformName>(platform: P): PlatformFacts<MsgTypeOf[P]> {
  return PLATFORM_CATALOG[platform];
}

export function isMsgTypeOf<P extends PlatformName>(
  platform: P,
  msgtype: string,
): msgtype is MsgTypeOf[P] {
  return (PLATFORM_CATALOG[platform].msgtypes as readonly string[]).includes(msgtype);
}

/** For DingTalk-only code handed a robot's msgtype, which settings validated for its platform. */
export function isDingTalkMsgType(msgtype: string): msgtype is DingTalkMsgType {
  return isMsgTypeOf('dingtalk', msgtype);
}

export function defaultMsgType<P extends PlatformName>(platform: P): MsgTypeOf[P] {
  return PLATFORM_CATALOG[platform].msgtypes[0];
}

const PLATFORMS = Object.values(PLATFORM_CATALOG) as ReadonlyArray<PlatformFacts>;

/** Every platform's msgtypes, each once, in table order. */
export const ALL_MSGTYPES = [
  ...new Set(PLATFORMS.flatMap((facts) => facts.msgtypes)),
] as readonly PlatformMsgType[];

/** Every `mentions.<login>` key some platform reads, each once, in table order. */
export const ALL_MENTION_KEYS: readonly MentionKey[] = [
  ...new Set(PLATFORMS.flatMap((facts) => facts.mentionKeys)),
];
