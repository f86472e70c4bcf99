import { FEISHU_HOOK_PATH_PREFIX, isLoopbackHostname, type WebhookCheck } from '../infer-platform';

const FEISHU_HOSTS = new Set(['open.feishu.cn', 'open.larksuite.com']);
const TOKEN = /^[A-Za-z0-9_-]+$/;

const V2_FORM = 'https://open.feishu.cn/open-apis/bot/v2/hook/<token> (Lark: open.larksuite.com)';

/** Why a path on a Feishu host is not a custom bot's v2 webhook, in the user's terms (§1.1). */
function explainPath(pathname: string): string {
  if (pathname.startsWith('/open-apis/bot/hook/')) {
    return `is a legacy v1 Feishu webhook (/open-apis/bot/hook/…), retired in 2020, which takes a different body; add the custom bot again and use its URL of the form ${V2_FORM}`;
  }
  if (pathname.includes('/flow/')) {
    return `is a Feishu flow (workflow) webhook, a different product that does not take bot messages; add a custom bot to the group and use its URL of the form ${V2_FORM}`;
  }
  return `is not a Feishu custom bot webhook: the path must be /open-apis/bot/v2/hook/<token>, as in ${V2_FORM}`;
}

/**
 * The stored webhook of a Feishu robot, or why it is refused (feishu-wecom-robot-api.md §1.1).
 * Only a custom bot's v2 hook on Feishu's or Lark's host is accepted, or the same path on this
 * machine for the emulator. Errors never quote the URL: its path holds the bot's token.
 */
export function checkFeishuWebhook(webhook: string): WebhookCheck {
  let url: URL;
  try {
    url = new URL(webhook.trim());
  } catch {
    return { ok: false, error: `is not a URL; paste the bot's whole webhook, ${V2_FORM}` };
  }
  const loopback = isLoopbackHostname(url.hostname);
  if (!FEISHU_HOSTS.has(url.hostname) && !loopback) {
    return {
      ok: false,
      error:
        'is not on a Feishu host: a Feishu bot webhook is on open.feishu.cn or open.larksuite.com',
    };
  }
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    return { ok: false, error: 'must use https' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'must not carry a user name or password' };
  }
  if (!loopback && url.port !== '') return { ok: false, error: 'must not name a port' };
  if (!url.pathname.startsWith(FEISHU_HOOK_PATH_PREFIX)) {
    return { ok: false, error: explainPath(url.pathname) };
  }
  const token = url.pathname.slice(FEISHU_HOOK_PATH_PREFIX.length);
  if (!TOKEN.test(token)) {
    return {
      ok: false,
      error: `has no valid token after /open-apis/bot/v2/hook/ (letters, digits and hyphens, as in ${V2_FORM})`,
    };
  }
  if (url.search !== '' || url.hash !== '') {
    // A query is usually DingTalk-style signing appended by hand; Feishu signs in the body.
    return {
      ok: false,
      error: 'must not have a query or fragment: Feishu takes the signature in the message body',
    };
  }
  return { ok: true, webhook: url.href };
}
