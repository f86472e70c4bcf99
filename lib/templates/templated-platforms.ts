import type { PlatformName } from '../platforms/chat-platform';
import { dingtalkTemplated } from '../platforms/dingtalk/templated';
import { feishuTemplated } from '../platforms/feishu/templated';
import { wecomTemplated } from '../platforms/wecom/templated';
import type { TemplatedRenderer } from './types';

/** Each platform's templated message, by the name settings use (one line per platform). */
export const TEMPLATED_PLATFORMS = {
  dingtalk: dingtalkTemplated,
  feishu: feishuTemplated,
  wecom: wecomTemplated,
} satisfies Record<PlatformName, Pick<TemplatedRenderer, 'msgtypes'>>;

/**
 * Whether a robot of this platform and msgtype may have templates: only markdown-like
 * bodies take one (DingTalk markdown/actionCard, Feishu interactive/interactive2, WeCom
 * markdown/markdown_v2). Settings validation calls this to report a template on a `text`,
 * Feishu `post` or WeCom `template_card` robot as a config error.
 */
export function takesTemplates(platform: PlatformName, msgtype: string): boolean {
  return TEMPLATED_PLATFORMS[platform].msgtypes.includes(msgtype);
}
