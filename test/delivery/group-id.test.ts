import { createHash } from 'node:crypto';
import { flushGroupId, robotGroupId } from '../../lib/delivery/group-id';
import type { PlatformName } from '../../lib/platforms/chat-platform';
import { Secret } from '../../lib/crypto/secret';

const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const robot = (platform: PlatformName, webhook: string) => ({
  platform,
  webhook: new Secret(webhook),
});

describe('robotGroupId: r- and 16 hex of sha256(the platform credential)', () => {
  it.each([
    [
      'dingtalk',
      'https://oapi.dingtalk.com/robot/send?access_token=tokentest-abc',
      'tokentest-abc',
    ],
    [
      'feishu',
      'https://open.feishu.cn/open-apis/bot/v2/hook/tokentest-0f3a-44',
      'tokentest-0f3a-44',
    ],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=keytest-77', 'keytest-77'],
  ] as const)('%s hashes only its credential', (platform, webhook, credential) => {
    const id = robotGroupId(robot(platform, webhook));
    expect(id).toBe(`r-${sha16(credential)}`);
    expect(id).toMatch(/^r-[0-9a-f]{16}$/);
    expect(id).not.toContain(credential);
  });

  it('gives two names that share a credential one group, and two credentials two groups', () => {
    const a = robotGroupId(
      robot('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t1'),
    );
    const b = robotGroupId(
      robot('dingtalk', 'http://127.0.0.1:3000/robot/send?access_token=t1&x=1'),
    );
    const c = robotGroupId(
      robot('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t2'),
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('names the flush token group after the robot group', () => {
    expect(flushGroupId('r-0123456789abcdef')).toBe('f-0123456789abcdef');
  });
});
