import { Secret } from '../../lib/crypto/secret';
import type { RobotSettings } from '../../lib/settings/types';

/** A robot with the config's default message options, pointing nowhere real. */
export function testRobot(name: string, overrides: Partial<RobotSettings> = {}): RobotSettings {
  return {
    name,
    platform: 'dingtalk',
    webhook: new Secret('https://127.0.0.1/robot/send?access_token=test'),
    secret: null,
    locale: 'zh-CN',
    msgtype: 'markdown',
    timezone: 'Asia/Shanghai',
    maxCommits: 5,
    linkMode: 'dingtalk',
    keywords: [],
    ...overrides,
  };
}
