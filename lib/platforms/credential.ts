import { FEISHU_HOOK_PATH_PREFIX, type PlatformName } from './infer-platform';

/**
 * The part of a stored (validated, normalised) webhook that names the robot to its platform:
 * DingTalk's access_token, Feishu's hook id, WeCom's key. The platform's rate limit counts per
 * credential, so robot names that share one share one budget. Anything unexpected falls back
 * to the whole URL, which names the robot just as uniquely. Never logged: hash it first
 * (lib/delivery/group-id.ts hashes exactly this string, as the queue contract says).
 */
export function robotCredential(platform: PlatformName, webhook: string): string {
  const url = URL.canParse(webhook) ? new URL(webhook) : null;
  const found =
    platform === 'dingtalk'
      ? url?.searchParams.get('access_token')
      : platform === 'wecom'
        ? url?.searchParams.get('key')
        : url?.pathname.startsWith(FEISHU_HOOK_PATH_PREFIX)
          ? url.pathname.slice(FEISHU_HOOK_PATH_PREFIX.length)
          : null;
  return found || webhook;
}
