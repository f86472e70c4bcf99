import type { ChatPlatform } from '../chat-platform';
import { classifyAnswer } from './classify';
import { DINGTALK_LIMITS, refuseDingTalk } from './limits';
import type { DingTalkMessage } from './message';
import { DINGTALK_MSGTYPES, renderDingTalk } from './render';
import { signRobotUrl } from './sign';

export type { DingTalkMessage } from './message';

/**
 * DingTalk custom robots (dingtalk-robot-api.md): markdown by default, actionCard and text;
 * up to 10 keywords; signed in the URL query with a millisecond timestamp; mentions by mobile
 * or userId; 20,000 bytes of body; 20 messages a minute, then a 10-minute block.
 */
export const dingtalk: ChatPlatform<DingTalkMessage> = {
  name: 'dingtalk',
  label: 'DingTalk',
  msgtypes: DINGTALK_MSGTYPES,
  maxKeywords: DINGTALK_LIMITS.maxKeywords,
  signs: true,
  mentionKeys: ['mobile', 'userId'],
  limits: DINGTALK_LIMITS.rate,
  // Any http(s) address: a DingTalk robot may sit behind a proxy or, locally, an emulator.
  // The refused hosts (link-local, metadata) are checked for every platform when settings load.
  checkWebhook(webhook) {
    const trimmed = webhook.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { ok: false, error: 'must be an http(s) URL' };
    }
    const web = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    return web ? { ok: true, webhook: trimmed } : { ok: false, error: 'must be an http(s) URL' };
  },
  render: renderDingTalk,
  refuse: refuseDingTalk,
  request: (message, target, now) => ({
    url: signRobotUrl(target.webhook, target.secret, now),
    body: JSON.stringify(message),
  }),
  classify: classifyAnswer,
};
