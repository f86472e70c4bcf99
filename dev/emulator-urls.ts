import type { PlatformName } from '../lib/platforms/infer-platform';
import { FEISHU_HOOK_PATH_PREFIX, WECOM_SEND_PATH } from '../lib/platforms/infer-platform';
import { LOOPBACK_NAMES } from './request-guard';

/**
 * In a settings file, `http://playground.localhost/…` names the emulators of the running
 * `npm start`, on whatever PORT it listens. The file then never goes stale when the port
 * changes. (`.localhost` names are this machine by definition, RFC 6761.)
 */
export const PLAYGROUND_HOST = 'playground.localhost';

export const DINGTALK_SEND_PATH = '/robot/send';

export interface EmulatorTarget {
  /** Which emulator the path names: each serves its platform's real path. */
  platform: PlatformName;
  /** undefined: playground.localhost, the port of whichever playground runs. */
  port: number | undefined;
  /** DingTalk access_token, Feishu hook token or WeCom key; '' when the URL has none. */
  credential: string;
}

/** The emulator a request path on the playground's port is for, or null for any other path. */
export function emulatorPlatformOf(pathname: string): PlatformName | null {
  if (pathname === DINGTALK_SEND_PATH) return 'dingtalk';
  if (pathname.startsWith(FEISHU_HOOK_PATH_PREFIX)) return 'feishu';
  if (pathname === WECOM_SEND_PATH) return 'wecom';
  return null;
}

function credentialOf(platform: PlatformName, url: URL): string {
  if (platform === 'feishu') return url.pathname.slice(FEISHU_HOOK_PATH_PREFIX.length);
  return url.searchParams.get(platform === 'wecom' ? 'key' : 'access_token') ?? '';
}

/** A webhook URL that names an emulator of a playground on this machine. */
export function parseEmulatorUrl(webhook: string): EmulatorTarget | null {
  let url: URL;
  try {
    url = new URL(webhook.trim());
  } catch {
    return null;
  }
  const platform = emulatorPlatformOf(url.pathname);
  if (url.protocol !== 'http:' || platform === null) return null;
  const credential = credentialOf(platform, url);
  if (url.hostname === PLAYGROUND_HOST) return { platform, port: undefined, credential };
  if (!LOOPBACK_NAMES.includes(url.hostname)) return null;
  return { platform, port: Number(url.port || 80), credential };
}

/**
 * The webhook with playground.localhost replaced by this playground's address, or unchanged
 * when it names no emulator of whichever playground runs.
 */
export function resolvePlaygroundWebhook(webhook: string, port: number): string {
  const target = parseEmulatorUrl(webhook);
  if (target === null || target.port !== undefined) return webhook;
  const url = new URL(webhook.trim());
  url.host = `127.0.0.1:${port}`;
  return url.toString();
}
