import { PLATFORM_CATALOG } from '../catalog';
import type { ChatPlatform } from '../chat-platform';
import { classifyAnswer } from './classify';
import { renderDingTalkDigest } from './digest';
import { DINGTALK_LIMITS, refuseDingTalk } from './limits';
import type { DingTalkMessage } from './message';
import { renderDingTalk } from './render';
import { signRobotUrl } from './sign';

export type { DingTalkMessage } from './message';

/**
 * DingTalk custom robots (dingtalk-robot-api.md): markdown by default, actionCard and text;
 * up to 10 keywords; signed in the URL query with a millisecond timestamp; mentions by mobile
 * or userId; 20,000 bytes of body; 20 messages a minute, then a 10-minute block.
 */
export const dingtalk: ChatPlatform<DingTalkMessage> = {
  name: 'dingtalk',
  // Label, msgtypes, keywords, signing, mention keys and the webhook rule: the catalog's facts,
  // which settings validation reads too.
  ...PLATFORM_CATALOG.dingtalk,
  limits: DINGTALK_LIMITS.rate,
  render: renderDingTalk,
  renderDigest: renderDingTalkDigest,
  refuse: refuseDingTalk,
  request: (message, target, now) => ({
    url: signRobotUrl(target.webhook, target.secret, now),
    body: JSON.stringify(message),
  }),
  classify: classifyAnswer,
};
