import type { RobotSettings } from '../settings/types';
import type { DingTalkMessage } from '../platforms/dingtalk/message';

/** Why a robot did not take a message, classified from DingTalk's errcode and errmsg. */
export type DeliveryFailureReason =
  | 'keyword' // 310000 keywords not in content
  | 'signature' // 310000 sign not match
  | 'timestamp' // 310000 invalid timestamp
  | 'ip' // 310000 ip not in whitelist
  | 'token' // 300001 / 300005 / 400101… token or robot does not exist
  | 'rate_limit' // 130101 / 410100 / WAF punishment
  | 'too_long' // 460101 / 101002
  | 'busy' // -1 system busy
  | 'network' // connection refused, reset, DNS
  | 'timeout' // no answer within the attempt timeout or the deadline
  | 'http' // non-2xx without a DingTalk error body
  | 'rejected'; // any other non-zero errcode

export type DeliveryResult =
  | { robot: string; ok: true; attempts: number }
  | {
      robot: string;
      ok: false;
      reason: DeliveryFailureReason;
      /** DingTalk's errcode, when it answered with one. */
      errcode?: number;
      /** Plain words for Gitee's delivery log and our log line; never a URL or secret. */
      error: string;
      attempts: number;
    };

export interface DeliveryJob {
  robot: RobotSettings;
  message: DingTalkMessage;
}

/**
 * Sends messages to robots. The direct implementation POSTs in parallel; a queued mode can
 * implement the same interface later.
 */
export interface Deliverer {
  /** One result per job, in job order, settled by `deadline` (epoch ms) whatever the robots do. */
  deliver(jobs: DeliveryJob[], deadline: number): Promise<DeliveryResult[]>;
}
