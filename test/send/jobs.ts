import type { ChatPlatform, RateLimits } from '../../lib/platforms/chat-platform';
import { dingtalk } from '../../lib/platforms/dingtalk';
import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { deliveryJob, type DeliveryJob, type DeliveryResult } from '../../lib/send/types';
import type { RobotSettings } from '../../lib/settings/types';

export const markdown = (text: string): DingTalkMessage => ({
  msgtype: 'markdown',
  markdown: { title: 'Gitee push', text },
});

export function dingtalkJob(robot: RobotSettings, message = markdown('main')): DeliveryJob {
  return deliveryJob(robot, dingtalk, message);
}

/** DingTalk as it is, but with other rate limits: the throttle reads only `limits`. */
export function dingtalkWithLimits(limits: Partial<RateLimits>): ChatPlatform<DingTalkMessage> {
  return { ...dingtalk, limits: { ...dingtalk.limits, ...limits } };
}

export const ok = (job: DeliveryJob): DeliveryResult => ({
  robot: job.robot.name,
  platform: job.platform.name,
  ok: true,
  attempts: 1,
});
