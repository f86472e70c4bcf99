import { signFeishuBody } from './sign';

/**
 * Feishu custom-bot limits (feishu-wecom-robot-api.md §1.2, §1.7). The rate shape matches the
 * `limits` of the ChatPlatform sketch in code-review.md §4.
 */
export const FEISHU_LIMITS = {
  /**
   * Our budget for the complete JSON body as sent, signature fields included, in UTF-8 bytes.
   * Feishu says "20 KB" and answers 9499 over it (§1.7); 20,000 keeps a margin under 20,480,
   * which is where the emulator refuses.
   */
  bodyBytes: 20_000,
  /** The same for every msg_type: Feishu limits the body, not a field (§1.7). */
  bodyBytesByMsgType: { text: 20_000, post: 20_000, interactive: 20_000 },
  rate: {
    /** §1.7: "单租户单机器人 100 次/分钟，5 次/秒". */
    perMinute: 100,
    perSecond: 5,
    /** §1.7: Feishu documents no penalty after a burst, unlike DingTalk's 10 minutes. */
    penaltyMs: 0,
  },
  /** §1.2: at most 10 custom keywords, and at most 10 allow-listed IPs. */
  maxKeywords: 10,
  /** §1.3: the signing time must be within one hour of Feishu's clock. */
  timestampWindowMs: 60 * 60 * 1000,
} as const;

// The signature adds the same bytes whatever the secret (44 Base64 characters) and the time
// (10 digits until 2286), so any stand-ins measure a signed body exactly.
const PROBE_SECRET = 'size-probe';
const PROBE_NOW_MS = 1_700_000_000_000;

/** UTF-8 bytes of `message` as it will be sent, signed or not: what Feishu's 20 KB counts. */
export function feishuBodyBytes(
  message: Readonly<Record<string, unknown>>,
  options: { signed: boolean },
): number {
  const body = signFeishuBody(message, options.signed ? PROBE_SECRET : null, PROBE_NOW_MS);
  return Buffer.byteLength(body, 'utf8');
}

/** Whether `message` fits our body budget as it will be sent. */
export function fitsFeishuBody(
  message: Readonly<Record<string, unknown>>,
  options: { signed: boolean },
): boolean {
  return feishuBodyBytes(message, options) <= FEISHU_LIMITS.bodyBytes;
}
