import { buildSettings } from '../../lib/settings/build-settings';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import {
  describeRobots,
  emulatedRobotsFrom,
  resolvePlaygroundParameters,
} from '../../dev/emulated-robots';
import { parseEmulatorUrl } from '../../dev/emulator-urls';

const FILE = `
gitee:
  secret: testGs-emulated-robots
robots:
  follows:
    webhook: http://playground.localhost/robot/send?access_token=tokentest-follows&x=1
    secret: SECtest-follows-0123456789abcdef
    keywords: [Gitee]
  pinned:
    webhook: http://127.0.0.1:3000/robot/send?access_token=tokentest-pinned
  real:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=tokentest-real
  lark:
    webhook: http://playground.localhost/open-apis/bot/v2/hook/tokentest-lark
    secret: testFs-lark-secret
    keywords: [代码]
  wework:
    webhook: http://playground.localhost/cgi-bin/webhook/send?key=keytest-wework
  larkTwin:
    webhook: http://playground.localhost/open-apis/bot/v2/hook/tokentest-lark
  realLark:
    webhook: https://open.feishu.cn/open-apis/bot/v2/hook/tokentest-real-lark
`;

const parameters = () => settingsFileToParameters(FILE);
const settingsOn = (port: number) => buildSettings(resolvePlaygroundParameters(parameters(), port));
const webhookOf = (name: string, port: number) =>
  resolvePlaygroundParameters(parameters(), port).get(`robots/${name}/webhook`);

describe('the robots a playground emulates', () => {
  it('names an emulator by its platform path, on playground.localhost or a loopback port', () => {
    expect(parseEmulatorUrl('http://playground.localhost/robot/send?access_token=a')).toEqual({
      platform: 'dingtalk',
      port: undefined,
      credential: 'a',
    });
    expect(parseEmulatorUrl('http://127.0.0.1:3000/open-apis/bot/v2/hook/b')).toEqual({
      platform: 'feishu',
      port: 3000,
      credential: 'b',
    });
    expect(parseEmulatorUrl('http://localhost/cgi-bin/webhook/send?key=c')).toEqual({
      platform: 'wecom',
      port: 80,
      credential: 'c',
    });
    for (const other of [
      'https://playground.localhost/robot/send?access_token=a',
      'http://evil.example/cgi-bin/webhook/send?key=c',
      'http://127.0.0.1:3000/robot/sendx?access_token=a',
      'not a url',
    ]) {
      expect(parseEmulatorUrl(other)).toBeNull();
    }
  });

  it('points every playground.localhost webhook at the port this playground listens on', () => {
    expect(webhookOf('follows', 3001)).toBe(
      'http://127.0.0.1:3001/robot/send?access_token=tokentest-follows&x=1',
    );
    expect(webhookOf('lark', 4000)).toBe(
      'http://127.0.0.1:4000/open-apis/bot/v2/hook/tokentest-lark',
    );
    expect(webhookOf('wework', 4000)).toBe(
      'http://127.0.0.1:4000/cgi-bin/webhook/send?key=keytest-wework',
    );
  });

  it('leaves a webhook with its own port, a real one and every secret as they are', () => {
    const resolved = resolvePlaygroundParameters(parameters(), 3001);

    expect(resolved.get('robots/pinned/webhook')).toBe(
      'http://127.0.0.1:3000/robot/send?access_token=tokentest-pinned',
    );
    expect(resolved.get('robots/real/webhook')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=tokentest-real',
    );
    expect(resolved.get('robots/lark/secret')).toBe('testFs-lark-secret');
    expect(resolved.get('gitee/secret')).toBe('testGs-emulated-robots');
  });

  it('gives each emulator the robots addressed to its path on this port, with their checks', () => {
    const robots = emulatedRobotsFrom(settingsOn(3001), 3001);

    expect(robots.dingtalk).toEqual([
      {
        name: 'follows',
        accessToken: 'tokentest-follows',
        secret: 'SECtest-follows-0123456789abcdef',
        keywords: ['Gitee'],
      },
    ]);
    // larkTwin shares lark's webhook: to Feishu that is one bot, the first one named.
    expect(robots.feishu).toEqual([
      { name: 'lark', token: 'tokentest-lark', secret: 'testFs-lark-secret', keywords: ['代码'] },
    ]);
    expect(robots.wecom).toEqual([{ name: 'wework', key: 'keytest-wework' }]);
    expect(emulatedRobotsFrom(settingsOn(3000), 3000).dingtalk.map((r) => r.name)).toEqual([
      'follows',
      'pinned',
    ]);
  });

  it('tells, without a token, each robot’s platform and which robots follow PORT', () => {
    const lines = describeRobots(settingsOn(3001), 3001);
    const line = (name: string) => lines.find((text) => text.startsWith(`  ${name}: `));

    expect(line('follows')).toBe(
      '  follows: DingTalk robot emulated here [markdown, zh-CN, signed, keywords: Gitee]',
    );
    expect(line('pinned')).toBe(
      "  pinned: DingTalk robot emulator at port 3000, not this server's 3001: write its webhook's host as playground.localhost to follow PORT [markdown, zh-CN]",
    );
    expect(line('real')).toBe(
      '  real: real DingTalk robot (messages leave this machine) [markdown, zh-CN]',
    );
    expect(line('lark')).toMatch(
      /^ {2}lark: Feishu bot emulated here \[.*signed, keywords: 代码\]$/,
    );
    expect(line('wework')).toMatch(/^ {2}wework: WeCom robot emulated here \[/);
    expect(line('realLark')).toMatch(
      /^ {2}realLark: real Feishu bot \(messages leave this machine\) \[/,
    );
    expect(lines.join('\n')).not.toMatch(/tokentest|keytest|testFs/);
  });
});
