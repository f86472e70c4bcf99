/** Which chat platform a robot is on, and the URL facts every platform's webhook rules share. */

export type PlatformName = 'dingtalk' | 'feishu' | 'wecom';

export const PLATFORM_NAMES: readonly PlatformName[] = ['dingtalk', 'feishu', 'wecom'];

/** A webhook rule's verdict: the URL to store, or why it is refused (never quoting the URL). */
export type WebhookCheck = { ok: true; webhook: string } | { ok: false; error: string };

// Source: feishu-wecom-robot-api.md §1.1 (Feishu and Lark hosts), §2.1 (WeCom), §4 (DingTalk).
const PLATFORM_BY_HOST: ReadonlyMap<string, PlatformName> = new Map([
  ['oapi.dingtalk.com', 'dingtalk'],
  ['open.feishu.cn', 'feishu'],
  ['open.larksuite.com', 'feishu'],
  ['qyapi.weixin.qq.com', 'wecom'],
]);

export const FEISHU_HOOK_PATH_PREFIX = '/open-apis/bot/v2/hook/';
export const WECOM_SEND_PATH = '/cgi-bin/webhook/send';

/**
 * Whether a WHATWG-parsed `hostname` is this machine: `localhost` and names under it (RFC 6761;
 * the playground's `playground.localhost`), 127.0.0.0/8, `[::1]`, or 127.0.0.0/8 mapped into
 * IPv6 (the parser has already turned decimal, hex and octal IPv4 forms into dotted quads, and
 * writes a mapped address as `[::ffff:7f00:1]`).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/**
 * The platform a webhook belongs to when the settings do not say. Emulators on this machine
 * are told apart by path; any other host is DingTalk so that settings written before Feishu
 * and WeCom existed keep their meaning. Something that is not a URL (a bare WeCom key) is
 * DingTalk too: a bare key is only accepted when `platform: wecom` is set.
 */
export function inferPlatform(webhook: string): PlatformName {
  let url: URL;
  try {
    url = new URL(webhook.trim());
  } catch {
    return 'dingtalk';
  }
  const byHost = PLATFORM_BY_HOST.get(url.hostname);
  if (byHost !== undefined) return byHost;
  if (!isLoopbackHostname(url.hostname)) return 'dingtalk';
  if (url.pathname.startsWith(FEISHU_HOOK_PATH_PREFIX)) return 'feishu';
  if (url.pathname === WECOM_SEND_PATH) return 'wecom';
  return 'dingtalk';
}
