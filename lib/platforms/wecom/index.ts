import { PLATFORM_CATALOG } from '../catalog';
import type { ChatPlatform } from '../chat-platform';
import { classifyWecomAnswer } from './classify';
import { renderWecomDigest } from './digest';
import { WECOM_LIMITS } from './limits';
import type { WecomMessage } from './message';
import { refuseWecom } from './refuse';
import { renderWecom } from './render';

export type { WecomMessage } from './message';

/**
 * WeCom (企业微信) group robots (feishu-wecom-robot-api.md §2): markdown by default, no
 * signing and no keywords (the webhook's key is the only secret), mentions by userid, and by
 * mobile in text messages, 20 messages a minute.
 */
export const wecom: ChatPlatform<WecomMessage> = {
  name: 'wecom',
  ...PLATFORM_CATALOG.wecom,
  limits: { perMinute: WECOM_LIMITS.rate.perMinute, penaltyMs: WECOM_LIMITS.rate.penaltyMs },
  render: renderWecom,
  renderDigest: renderWecomDigest,
  refuse: refuseWecom,
  // Nothing to sign: the body goes as it is to the webhook as stored (a bare key was already
  // made a full URL when settings loaded).
  request: (message, target) => ({ url: target.webhook, body: JSON.stringify(message) }),
  classify: classifyWecomAnswer,
};
