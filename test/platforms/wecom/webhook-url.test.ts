import { normalizeWecomWebhook } from '../../../lib/platforms/wecom/webhook-url';

const KEY = '693a91f6-7fff-4bc4-97a0-0ec2keytest0';
const FULL = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;

describe('normalizeWecomWebhook', () => {
  it('keeps the full URL as WeCom shows it', () => {
    expect(normalizeWecomWebhook(FULL)).toEqual({ ok: true, webhook: FULL });
  });

  it('turns a bare key into the full URL', () => {
    expect(normalizeWecomWebhook(` ${KEY}\n`)).toEqual({ ok: true, webhook: FULL });
  });

  it('drops what was pasted along with the key', () => {
    expect(normalizeWecomWebhook(`${FULL}&debug=1#top`)).toEqual({ ok: true, webhook: FULL });
  });

  it('keeps a loopback emulator on its port', () => {
    const local = `http://127.0.0.1:3000/cgi-bin/webhook/send?key=${KEY}`;
    expect(normalizeWecomWebhook(local)).toEqual({ ok: true, webhook: local });
  });

  it.each([
    ['an empty value', '   ', 'empty'],
    [
      'the upload address',
      `https://qyapi.weixin.qq.com/cgi-bin/webhook/upload_media?key=${KEY}&type=file`,
      'path must be',
    ],
    ['no key', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', 'exactly one key'],
    ['two keys', `${FULL}&key=${KEY}`, 'exactly one key'],
    [
      'a URL pasted as the key',
      `${FULL.split('?')[0]}?key=${encodeURIComponent(FULL)}`,
      'exactly one key',
    ],
    ['plain http', FULL.replace('https:', 'http:'), 'https'],
    ['another host', `https://evil.example/cgi-bin/webhook/send?key=${KEY}`, "not on WeCom's host"],
    ['a port', `https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=${KEY}`, 'port'],
    ['credentials', `https://u:p@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`, 'user name'],
    ['a key with spaces', 'not a key', 'neither a URL nor a key'],
  ])('refuses %s and says why', (_case, input, why) => {
    expect(normalizeWecomWebhook(input)).toMatchObject({
      ok: false,
      error: expect.stringContaining(why),
    });
  });

  it('never quotes the key in a refusal', () => {
    const refusals = [
      `http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`,
      `https://evil.example/cgi-bin/webhook/send?key=${KEY}`,
      `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}%20x`,
      `${KEY} ${KEY}`,
    ].map(normalizeWecomWebhook);
    for (const check of refusals) {
      expect(check.ok).toBe(false);
      expect(JSON.stringify(check)).not.toMatch(/keytest0|evil\.example/);
    }
  });
});
