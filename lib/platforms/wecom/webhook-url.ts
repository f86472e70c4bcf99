import { isLoopbackHostname, WECOM_SEND_PATH, type WebhookCheck } from '../infer-platform';

const WECOM_HOST = 'qyapi.weixin.qq.com';
const KEY = /^[A-Za-z0-9_-]+$/;

const FULL_FORM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>';

/** The canonical webhook for a key, as WeCom shows it in the robot's settings (§2.1). */
export function wecomWebhookForKey(key: string): string {
  return `https://${WECOM_HOST}${WECOM_SEND_PATH}?key=${encodeURIComponent(key)}`;
}

function checkUrl(url: URL): WebhookCheck {
  const loopback = isLoopbackHostname(url.hostname);
  if (url.hostname !== WECOM_HOST && !loopback) {
    return { ok: false, error: `is not on WeCom's host: a WeCom robot webhook is ${FULL_FORM}` };
  }
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    return { ok: false, error: 'must use https' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'must not carry a user name or password' };
  }
  if (!loopback && url.port !== '') return { ok: false, error: 'must not name a port' };
  if (url.pathname !== WECOM_SEND_PATH) {
    return {
      ok: false,
      error: `is not a WeCom robot's send address: the path must be ${WECOM_SEND_PATH}, as in ${FULL_FORM}`,
    };
  }
  const keys = url.searchParams.getAll('key');
  if (keys.length !== 1 || !KEY.test(keys[0] ?? '')) {
    return {
      ok: false,
      error: `must carry exactly one key=<key> of letters, digits and hyphens, as in ${FULL_FORM}`,
    };
  }
  // Only the key matters to WeCom; anything else pasted along (a fragment, extra parameters)
  // is dropped so the stored URL is the one WeCom documents.
  const key = keys[0] ?? '';
  if (!loopback) return { ok: true, webhook: wecomWebhookForKey(key) };
  return { ok: true, webhook: `${url.origin}${WECOM_SEND_PATH}?key=${encodeURIComponent(key)}` };
}

/**
 * The stored webhook of a WeCom robot, or why it is refused (feishu-wecom-robot-api.md §2.1,
 * §5 item 5). Users paste either the whole URL or just its key, so a bare key is accepted and
 * turned into the full URL. Errors never quote the input: the key is the robot's only secret.
 */
export function normalizeWecomWebhook(webhookOrKey: string): WebhookCheck {
  const input = webhookOrKey.trim();
  if (input === '') return { ok: false, error: `is empty; paste the robot's ${FULL_FORM}` };
  if (KEY.test(input)) return { ok: true, webhook: wecomWebhookForKey(input) };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return {
      ok: false,
      error: `is neither a URL nor a key (letters, digits and hyphens); paste the robot's ${FULL_FORM} or its key`,
    };
  }
  return checkUrl(url);
}
