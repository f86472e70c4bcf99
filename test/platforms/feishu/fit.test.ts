import type { EventView } from '../../../lib/view/event-view';
import { feishu } from '../../../lib/platforms/feishu';
import type { FeishuMessage } from '../../../lib/platforms/feishu/message';
import { loadFixture } from '../../helpers/fixtures';
import { parsePayload } from '../../helpers/parse-fixture';
import { bodyTextOf, linksOf, renderOptions, sentBytes, titleOf, viewOf } from './feishu-parts';

const LONG_CHINESE =
  '修复登录页在弱网环境下重复提交表单导致订单重复创建的问题并补充单元测试'.repeat(20);

/** push-commits with `count` commits of long Chinese messages by an author with a long name. */
function bigPush(count: number): EventView {
  const fixture = loadFixture('push-commits');
  const [commit] = fixture.commits as Array<Record<string, unknown>>;
  const commits = Array.from({ length: count }, (_, index) => ({
    ...commit,
    id: index.toString(16).padStart(40, 'a'),
    message: `${index} ${LONG_CHINESE}`,
    author: { ...(commit?.author as object), name: '张'.repeat(60) },
  }));
  return viewOf(parsePayload({ ...fixture, commits, total_commits_count: count }));
}

function commitsListed(message: FeishuMessage): number {
  return (bodyTextOf(message).match(/\d+ 修复登录页/g) ?? []).length;
}

describe('feishu.render fits 20,000 bytes of signed body', () => {
  it.each(feishu.msgtypes.map((msgtype) => ({ msgtype })))(
    'lists as many of 40 long Chinese commits as fit in $msgtype and counts the rest',
    ({ msgtype }) => {
      const message = feishu.render(bigPush(40), renderOptions({ msgtype, maxCommits: 50 }));
      expect(sentBytes(message)).toBeLessThanOrEqual(20_000);
      const listed = commitsListed(message);
      expect(listed).toBeGreaterThan(10);
      if (listed < 40) expect(bodyTextOf(message)).toContain(`…还有 ${40 - listed} 个提交`);
      else expect(bodyTextOf(message)).not.toContain('还有');
      expect(feishu.refuse(message)).toBeNull();
    },
  );

  it('shortens the list of a card, which links every commit, rather than fail', () => {
    const message = feishu.render(bigPush(40), renderOptions({ maxCommits: 50 }));
    expect(commitsListed(message)).toBeLessThan(40);
  });

  it('lists every commit of a push that fits whole', () => {
    const message = feishu.render(bigPush(5), renderOptions({ maxCommits: 5 }));
    expect(commitsListed(message)).toBe(5);
    expect(bodyTextOf(message)).not.toContain('还有');
  });

  it.each(feishu.msgtypes.map((msgtype) => ({ msgtype })))(
    'fits a 100 KB branch name and twenty huge unmapped names in $msgtype, still linked to Gitee',
    ({ msgtype }) => {
      const fixture = loadFixture('push-commits');
      const view: EventView = {
        ...viewOf(parsePayload({ ...fixture, ref: `refs/heads/${'分'.repeat(100_000)}` })),
        mentions: Array.from({ length: 20 }, (_, index) => ({
          login: `user${index}`,
          name: '👨‍👩‍👧‍👦'.repeat(500),
        })),
      };
      const message = feishu.render(view, renderOptions({ msgtype }));
      expect(sentBytes(message)).toBeLessThanOrEqual(20_000);
      expect(titleOf(message)).toContain('GiteeRelay');
      expect(linksOf(message).length).toBeGreaterThan(0);
      for (const link of linksOf(message)) expect(new URL(link).origin).toBe('https://gitee.com');
    },
  );
});

describe('feishu.refuse', () => {
  it('refuses a body over 20,000 bytes as signed, naming its size', () => {
    const message: FeishuMessage = { msg_type: 'text', content: { text: '字'.repeat(7000) } };
    expect(feishu.refuse(message)).toBe(
      `the message is ${sentBytes(message)} bytes of JSON, over Feishu's 20000`,
    );
  });

  it('accepts a body of exactly 20,000 bytes as signed', () => {
    const empty = sentBytes({ msg_type: 'text', content: { text: '' } });
    const message: FeishuMessage = {
      msg_type: 'text',
      content: { text: 'x'.repeat(20_000 - empty) },
    };
    expect(sentBytes(message)).toBe(20_000);
    expect(feishu.refuse(message)).toBeNull();
  });
});
