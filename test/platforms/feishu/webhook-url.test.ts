import { checkFeishuWebhook } from '../../../lib/platforms/feishu/webhook-url';

const TOKEN = 'tokentest-0a1b2c3d-4e5f-6789-abcd-ef0123456789';

describe('checkFeishuWebhook', () => {
  it.each([
    `https://open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}`,
    `https://open.larksuite.com/open-apis/bot/v2/hook/${TOKEN}`,
    `http://127.0.0.1:3000/open-apis/bot/v2/hook/${TOKEN}`,
    `http://localhost:3000/open-apis/bot/v2/hook/${TOKEN}`,
    `http://[::1]:3000/open-apis/bot/v2/hook/${TOKEN}`,
  ])('accepts the v2 hook %s', (webhook) => {
    expect(checkFeishuWebhook(`  ${webhook}\n`)).toEqual({ ok: true, webhook });
  });

  it.each([
    [
      'the legacy v1 form',
      'https://open.feishu.cn/open-apis/bot/hook/0123456789abcdef0123456789abcdef',
      'legacy v1',
    ],
    [
      'a flow webhook',
      `https://www.feishu.cn/flow/api/trigger-webhook/${TOKEN}`,
      'not on a Feishu host',
    ],
    [
      'a flow webhook on the open host',
      `https://open.feishu.cn/flow/api/trigger-webhook/${TOKEN}`,
      'flow (workflow) webhook',
    ],
    ['another API path', `https://open.feishu.cn/open-apis/im/v1/messages/${TOKEN}`, 'must be'],
    ['no token', 'https://open.feishu.cn/open-apis/bot/v2/hook/', 'no valid token'],
    [
      'a trailing path',
      `https://open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}/x`,
      'no valid token',
    ],
    ['plain http', `http://open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}`, 'https'],
    ['another host', `https://evil.example/open-apis/bot/v2/hook/${TOKEN}`, 'not on a Feishu host'],
    [
      'a look-alike host',
      `https://open.feishu.cn.evil.example/open-apis/bot/v2/hook/${TOKEN}`,
      'not on a Feishu host',
    ],
    [
      'DingTalk signing appended',
      `https://open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}?timestamp=1&sign=x`,
      'signature in the message body',
    ],
    ['credentials', `https://u:p@open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}`, 'user name'],
    ['a port', `https://open.feishu.cn:8443/open-apis/bot/v2/hook/${TOKEN}`, 'port'],
    ['a bare token', TOKEN, 'not a URL'],
    ['link-local', `http://169.254.169.254/open-apis/bot/v2/hook/${TOKEN}`, 'not on a Feishu host'],
  ])('refuses %s and says why', (_case, webhook, why) => {
    const check = checkFeishuWebhook(webhook);
    expect(check).toMatchObject({ ok: false, error: expect.stringContaining(why) });
  });

  it('never quotes the URL or its token in a refusal', () => {
    const refusals = [
      `https://open.feishu.cn/open-apis/bot/hook/${TOKEN}`,
      `https://open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}?sign=x`,
      `https://evil.example/open-apis/bot/v2/hook/${TOKEN}`,
      TOKEN,
    ].map(checkFeishuWebhook);
    for (const check of refusals) {
      expect(check.ok).toBe(false);
      expect(JSON.stringify(check)).not.toMatch(/tokentest|evil\.example/);
    }
  });
});
