import type { PlatformName } from './infer-platform';
import type { DeliveryFailureReason as SendFailureReason } from '../send/types';
import type { DigestEntry } from '../view/digest-entry';
import type { EventView } from '../view/event-view';
import type { LocaleText } from '../view/locales/locale-text';

/**
 * One chat platform's half of the relay: everything that differs between DingTalk, Feishu and
 * WeCom (message types, rendering and escaping, keywords, mentions, size limits, signing, answer
 * codes, rates). Routing, the neutral event view, the sender, the throttle and the answers are
 * shared and only ever talk to a platform through this interface. Adding a platform is one
 * folder under lib/platforms/ and one line in PLATFORMS (lib/platforms/index.ts).
 */
export type { PlatformName };

/** The identity keys a `mentions.<login>` entry may carry; each platform reads its own. */
export interface MentionIdentity {
  /** DingTalk atMobiles; WeCom text mentioned_mobile_list. */
  mobile?: string;
  /** DingTalk atUserIds. */
  userId?: string;
  /** Feishu open_id (ou_…) or user_id. */
  feishu?: string;
  /** WeCom userid. */
  wecom?: string;
}
export type MentionKey = keyof MentionIdentity;

/** What one robot's message must say and how, decided by settings and routing. */
export interface RenderOptions {
  /** One of the platform's `msgtypes` (validated at load). */
  msgtype: string;
  t: LocaleText;
  /** The robot's custom keywords: one of them is in every message where the platform checks. */
  keywords: readonly string[];
  /** Gitee login → identities (null-prototype record, case-insensitive lookup). */
  mentions: Readonly<Record<string, MentionIdentity>>;
  /** This route wants @everyone. */
  atAll: boolean;
  /** Commits listed before "and N more". */
  maxCommits: number;
  /** DingTalk only: `browser` opens links in the system browser. */
  linkMode: 'dingtalk' | 'browser';
}

export type { DigestEntry };

/** What a digest must say and how: the robot's options, and how many events wait in all. */
export interface DigestOptions extends Omit<RenderOptions, 'atAll'> {
  /** Events pending for this robot in all, the entries included ("N more follow"). */
  pending: number;
}

/** What one HTTP answer from a robot means for the sender. */
export type RobotAnswer =
  | { ok: true }
  | {
      ok: false;
      reason: SendFailureReason;
      /** The platform's numeric code (Feishu's `code`, DingTalk/WeCom `errcode`). */
      errcode?: number;
      /** A fixed plain phrase for Gitee's delivery log; never the robot's errmsg, a URL or secret. */
      error: string;
      /** Whether sending the same message again may succeed within this request. */
      retryable: boolean;
      /** The platform asked for a pause this long before a retry (WeCom 45009: 60 s). */
      retryAfterMs?: number;
    };

/** A platform's pace per robot, which this relay keeps to rather than be refused. */
export interface RateLimits {
  perMinute: number;
  perSecond?: number;
  /** How long the platform blocks a robot that went over (0: none documented). */
  penaltyMs: number;
}

/** A robot's credentials, revealed only for building one request. */
export interface RobotTarget {
  webhook: string;
  secret: string | null;
}

export interface ChatPlatform<M = unknown> {
  readonly name: PlatformName;
  /** How people call it in messages: "DingTalk", "Feishu", "WeCom". */
  readonly label: string;
  /** Configurable msgtypes; the first is the default. */
  readonly msgtypes: readonly string[];
  /** Custom keywords: `max` 0 means the platform has none (a config error to set them). */
  readonly maxKeywords: number;
  /** Whether robots/<name>/secret means anything (WeCom: no signing, a config error). */
  readonly signs: boolean;
  /** The `mentions.<login>` keys this platform uses. */
  readonly mentionKeys: readonly MentionKey[];
  /** Rate: messages per rolling minute (and second), and the penalty after going over. */
  readonly limits: RateLimits;
  /**
   * The platform's rules for a webhook at load: the URL to use (normalised, e.g. a bare WeCom
   * key) or a problem in plain words that never quotes the URL.
   */
  checkWebhook(webhook: string): { ok: true; webhook: string } | { ok: false; error: string };
  /** The message for one robot: escaped, keyworded, mentions placed, within the size limit. */
  render(view: EventView, options: RenderOptions): M;
  /**
   * One digest of queued events (issue 11), as many entries from the front as fit the
   * platform's limit (at least one); `count` says how many are in it. Keyword, mentions (the
   * union, with their in-text tokens) and "N more follow" as for any message.
   */
  renderDigest(
    entries: readonly DigestEntry[],
    options: DigestOptions,
  ): { message: M; count: number };
  /** Why this message cannot be sent as it is (over the size limit), or null. */
  refuse(message: M): string | null;
  /** URL and body of one attempt, with a fresh signature each time (DingTalk: URL, Feishu: body). */
  request(message: M, target: RobotTarget, now: number): { url: string; body: string };
  classify(httpStatus: number, bodyText: string): RobotAnswer;
}
