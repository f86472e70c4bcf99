import { buildSettings } from '../../lib/settings/build-settings';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import {
  describeRobots,
  emulatedRobotsFrom,
  resolvePlaygroundWebhooks,
} from '../../dev/emulated-robots';

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
`;

const settings = () => buildSettings(settingsFileToParameters(FILE));
const webhookOf = (name: string, port: number) =>
  resolvePlaygroundWebhooks(settings(), port)
    .robots.find((robot) => robot.name === name)
    ?.webhook.reveal();

describe('the robots a playground emulates', () => {
  it('points a playground.localhost webhook at the port this playground listens on', () => {
    expect(webhookOf('follows', 3001)).toBe(
      'http://127.0.0.1:3001/robot/send?access_token=tokentest-follows&x=1',
    );
    expect(webhookOf('follows', 4000)).toBe(
      'http://127.0.0.1:4000/robot/send?access_token=tokentest-follows&x=1',
    );
  });

  it('leaves a webhook with its own port, and a real one, as they are', () => {
    expect(webhookOf('pinned', 3001)).toBe(
      'http://127.0.0.1:3000/robot/send?access_token=tokentest-pinned',
    );
    expect(webhookOf('real', 3001)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=tokentest-real',
    );
  });

  it.each([
    [3000, ['follows', 'pinned']],
    [3001, ['follows']],
  ])('emulates on port %i the robots addressed to it', (port, names) => {
    const resolved = resolvePlaygroundWebhooks(settings(), port);

    expect(emulatedRobotsFrom(resolved, port).map((robot) => robot.name)).toEqual(names);
    expect(emulatedRobotsFrom(resolved, port)[0]).toEqual({
      name: 'follows',
      accessToken: 'tokentest-follows',
      secret: 'SECtest-follows-0123456789abcdef',
      keywords: ['Gitee'],
    });
  });

  it('tells, without a token, which robots follow PORT and how to fix one that does not', () => {
    const lines = describeRobots(settings(), 3001);

    expect(lines).toEqual([
      '  follows: emulated here [markdown, zh-CN, signed, keywords: Gitee]',
      "  pinned: points at port 3000, not this server's 3001: write its webhook's host as playground.localhost to follow PORT [markdown, zh-CN]",
      '  real: real DingTalk robot (messages leave this machine) [markdown, zh-CN]',
    ]);
    expect(lines.join('\n')).not.toContain('tokentest');
  });
});
