import { PLATFORM_CATALOG } from '../catalog';
import type { ChatPlatform } from '../chat-platform';
import { classifyFeishuAnswer } from './classify';
import { renderFeishuDigest } from './digest';
import { FEISHU_LIMITS, feishuBodyBytes } from './limits';
import type { FeishuMessage } from './message';
import { renderFeishu } from './render';
import { signFeishuBody } from './sign';

export type { FeishuMessage } from './message';

/**
 * Feishu/Lark custom bots: cards, rich text and text; the signature in the body; keywords
 * in visible text; 20,000 bytes of signed body; 100 a minute and 5 a second
 * (../shared/docs/feishu-wecom-robot-api.md §1).
 */
export const feishu: ChatPlatform<FeishuMessage> = {
  name: 'feishu',
  ...PLATFORM_CATALOG.feishu,
  limits: FEISHU_LIMITS.rate,
  render: renderFeishu,
  renderDigest: renderFeishuDigest,
  refuse(message) {
    // Measured as signed whatever the robot: render cannot know whether it has a secret.
    const bytes = feishuBodyBytes(message, { signed: true });
    return bytes > FEISHU_LIMITS.bodyBytes
      ? `the message is ${bytes} bytes of JSON, over Feishu's ${FEISHU_LIMITS.bodyBytes}`
      : null;
  },
  request(message, target, now) {
    return { url: target.webhook, body: signFeishuBody(message, target.secret, now) };
  },
  classify: classifyFeishuAnswer,
};
