import { inferPlatform, isLoopbackHostname } from '../../lib/platforms/infer-platform';

describe('inferPlatform', () => {
  it.each([
    ['https://oapi.dingtalk.com/robot/send?access_token=tokentest', 'dingtalk'],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/tokentest', 'feishu'],
    ['https://OPEN.LARKSUITE.COM/open-apis/bot/v2/hook/tokentest', 'feishu'],
    // The legacy form is still Feishu's, so that its own rule can refuse it and say why.
    ['https://open.feishu.cn/open-apis/bot/hook/tokentest', 'feishu'],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=keytest', 'wecom'],
    ['http://127.0.0.1:3000/open-apis/bot/v2/hook/tokentest', 'feishu'],
    ['http://localhost:3000/cgi-bin/webhook/send?key=keytest', 'wecom'],
    // The playground's name for itself, whatever port it runs on (settings.example.yml).
    ['http://playground.localhost/open-apis/bot/v2/hook/tokentest', 'feishu'],
    ['http://playground.localhost/cgi-bin/webhook/send?key=keytest', 'wecom'],
    ['http://playground.localhost/robot/send?access_token=tokentest', 'dingtalk'],
    ['http://[::1]:3000/robot/send?access_token=tokentest', 'dingtalk'],
    ['http://127.0.0.1:3000/anything', 'dingtalk'],
    // A Feishu or WeCom path on another host is not enough: existing settings stay DingTalk.
    ['https://relay.example/open-apis/bot/v2/hook/tokentest', 'dingtalk'],
    ['https://relay.example/cgi-bin/webhook/send?key=keytest', 'dingtalk'],
    ['https://proxy.example/robot/send?access_token=tokentest', 'dingtalk'],
    ['693a91f6-keytest', 'dingtalk'],
  ])('takes %s for %s', (webhook, platform) => {
    expect(inferPlatform(webhook)).toBe(platform);
  });
});

describe('isLoopbackHostname', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['169.254.169.254', false],
    ['playground.localhost', true],
    ['localhost.evil.example', false],
    ['evil-localhost', false],
    ['127.0.0.1.evil.example', false],
  ])('says %s is loopback: %s', (hostname, loopback) => {
    expect(isLoopbackHostname(hostname)).toBe(loopback);
  });

  it.each([
    ['decimal IPv4', 'http://2130706433/', true],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/', true],
    ['IPv4-mapped non-loopback', 'http://[::ffff:10.0.0.1]/', false],
  ])('recognises %s after URL parsing', (_case, url, loopback) => {
    expect(isLoopbackHostname(new URL(url).hostname)).toBe(loopback);
  });
});
