import type { ChatPlatform, PlatformName } from '../platforms/chat-platform';
import type { RobotSettings } from '../settings/types';

/**
 * Why a robot did not take a message: the shared vocabulary every platform's classifier maps
 * its own codes to (DingTalk's errcode and errmsg, Feishu's code, WeCom's errcode).
 */
export type DeliveryFailureReason =
  | 'keyword' // the robot's custom keyword is missing
  | 'signature' // the signature does not match the robot's secret
  | 'timestamp' // the signing time is too far off the platform's clock
  | 'ip' // this service's address is not on the robot's allow-list
  | 'token' // the webhook's token or key names no robot
  | 'rate_limit' // the platform's limit, or held back here to stay under it
  | 'too_long' // over the platform's size limit
  | 'busy' // the platform says it is busy
  | 'network' // connection refused, reset, DNS
  | 'timeout' // no answer within the attempt timeout or the deadline
  | 'http' // an HTTP status without a robot result
  | 'rejected'; // any other refusal

export type DeliveryResult =
  | { robot: string; platform: PlatformName; ok: true; attempts: number }
  | {
      robot: string;
      platform: PlatformName;
      ok: false;
      reason: DeliveryFailureReason;
      /** The platform's numeric code when it answered with one (Feishu's `code` included). */
      errcode?: number;
      /** Plain words for Gitee's delivery log and our log line; never a URL or secret. */
      error: string;
      attempts: number;
    };

/**
 * One message for one robot, with the platform that rendered it and knows how to send it.
 * Build it with deliveryJob() so the message and the platform are checked to match.
 */
export interface DeliveryJob {
  robot: RobotSettings;
  platform: ChatPlatform;
  message: unknown;
  /** The template the message came from (issue 12), and why it fell back to the built-in one. */
  template?: { key: string; fallback?: string };
}

export function deliveryJob<M>(
  robot: RobotSettings,
  platform: ChatPlatform<M>,
  message: M,
): DeliveryJob {
  return { robot, platform, message };
}

/**
 * Sends messages to robots. The direct implementation POSTs in parallel; a queued mode can
 * implement the same interface later.
 */
export interface Deliverer {
  /** One result per job, in job order, settled by `deadline` (epoch ms) whatever the robots do. */
  deliver(jobs: DeliveryJob[], deadline: number): Promise<DeliveryResult[]>;
}
