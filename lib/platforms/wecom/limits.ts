/**
 * WeCom group-robot limits (feishu-wecom-robot-api.md §2.2–§2.6). The rate shape matches the
 * `limits` of the ChatPlatform sketch in code-review.md §4.
 */

/** UTF-8 bytes allowed in `<msgtype>.content`, per msgtype that has one (§2.5: "字节"). */
export const WECOM_CONTENT_BYTES = {
  text: 2048,
  markdown: 4096,
  markdown_v2: 4096,
} as const;

export type WecomContentMsgtype = keyof typeof WECOM_CONTENT_BYTES;

export const WECOM_LIMITS = {
  contentBytes: WECOM_CONTENT_BYTES,
  /**
   * template_card has no byte limit. The character counts are WeCom's recommendations ("建议"),
   * not errors; the list lengths are documented maximums (§2.2).
   */
  templateCard: {
    mainTitleChars: 26,
    subTitleChars: 112,
    keynameChars: 5,
    valueChars: 26,
    jumpTitleChars: 13,
    maxHorizontalItems: 6,
    maxJumpItems: 3,
  },
  rate: {
    /** §2.6: "每个机器人发送的消息不能超过20条/分钟", answered with 45009 beyond it. */
    perMinute: 20,
    /** §2.6 documents no penalty, so only the one-minute window must pass after a 45009. */
    penaltyMs: 60_000,
  },
} as const;

/** The field WeCom measures in a message, and its size: null for a msgtype without a limit. */
export function wecomLimitedContent(message: {
  msgtype: string;
  [field: string]: unknown;
}): { field: string; bytes: number; maxBytes: number } | null {
  const { msgtype } = message;
  if (!Object.hasOwn(WECOM_CONTENT_BYTES, msgtype)) return null;
  const maxBytes = WECOM_CONTENT_BYTES[msgtype as WecomContentMsgtype];
  const part = message[msgtype];
  const content =
    typeof part === 'object' && part !== null ? (part as { content?: unknown }).content : undefined;
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : 0;
  return { field: `${msgtype}.content`, bytes, maxBytes };
}

/** Whether the limited field of `message` is within WeCom's bytes (true when none is limited). */
export function fitsWecomContent(message: { msgtype: string; [field: string]: unknown }): boolean {
  const limited = wecomLimitedContent(message);
  return limited === null || limited.bytes <= limited.maxBytes;
}
