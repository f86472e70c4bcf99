import { MAX_MESSAGE_BYTES, messageBytes } from '../../lib/platforms/dingtalk/message';
import { markdownTargets, format, textOf, titleOf } from './message-parts';
import { REPO_URL, sha } from './payloads/common';
import { commit, pushPayload } from './payloads/push';

const longChinese = (index: number) =>
  `修复第 ${index} 个问题：登录页面在移动端显示空白，原因是样式表加载顺序错误导致布局计算异常，` +
  '同时调整了缓存策略并补充了相应的单元测试与集成测试用例'.repeat(3);

const fortyCommits = Array.from({ length: 40 }, (_, index) =>
  commit({
    id: sha((index % 9) + 1).slice(0, 38) + String(index).padStart(2, '0'),
    message: longChinese(index),
  }),
);

describe('push messages', () => {
  it('lists maxCommits commits with short SHA, subject and author, then how many more', () => {
    const text = textOf(format(pushPayload({ commits: fortyCommits, total: 40 })));
    expect(text.match(/^- \[[0-9a-f]{7}\]\(/gm)).toHaveLength(5);
    expect(text).toContain('…还有 35 个提交');
    expect(text).toContain('（Alice 王）');
  });

  it('counts the remaining commits from total_commits_count, beyond the commits Gitee listed', () => {
    const text = textOf(
      format(pushPayload({ commits: fortyCommits.slice(0, 10), total: 14 }), { locale: 'en' }),
    );
    expect(text).toContain('…and 9 more commits');
    expect(
      titleOf(format(pushPayload({ commits: [commit()], total: 1 }), { locale: 'en' })),
    ).toContain('pushed 1 commit to main');
  });

  it('keeps 40 commits with long Chinese messages under 20,000 bytes even when maxCommits allows all', () => {
    for (const msgtype of ['markdown', 'actionCard', 'text'] as const) {
      const message = format(pushPayload({ commits: fortyCommits, total: 40 }), {
        maxCommits: 40,
        msgtype,
      });
      expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      const listed = textOf(message).match(/^(- |• )/gm)?.length ?? 0;
      const more = Number(/还有 (\d+) 个提交/.exec(textOf(message))?.[1] ?? 0);
      expect(listed).toBeGreaterThan(0);
      expect(listed + more).toBe(40);
    }
  });

  it('names a web-UI committer that has no username by name', () => {
    const webCommit = commit({ author: { name: 'Gitee', email: 'noreply@gitee.com' } });
    expect(textOf(format(pushPayload({ commits: [webCommit] })))).toContain('（Gitee）');
  });

  it('links the compare view of an ordinary push', () => {
    const targets = markdownTargets(textOf(format(pushPayload({ before: sha(2), after: sha(3) }))));
    expect(targets).toContain(`${REPO_URL}/compare/${sha(2)}...${sha(3)}`);
  });

  it('announces a created branch with its head commit and no compare link after a 40-zero before', () => {
    const payload = pushPayload({
      ref: 'refs/heads/feature/登录',
      before: '0'.repeat(40),
      commits: null,
      headCommit: commit(),
      total: 13,
      created: true,
    });
    const text = textOf(format(payload));
    expect(titleOf(format(payload))).toBe('[Gitee] Alice 王 在 api 创建了分支 feature/登录');
    expect(text).toContain('最新提交：[1111111]');
    expect(text).not.toContain('/compare/');
    expect(markdownTargets(text)).toContain(
      `${REPO_URL}/tree/feature/${encodeURIComponent('登录')}`,
    );
  });

  it('announces a created tag with an 8-zero before (2020 shape) and no compare link', () => {
    const payload = pushPayload({
      hookName: 'tag_push_hooks',
      ref: 'refs/tags/v1.2.0',
      before: '00000000',
      commits: null,
      headCommit: commit(),
      total: null,
      created: true,
    });
    const text = textOf(format(payload));
    expect(text).toContain('创建了标签 v1.2.0');
    expect(text).not.toContain('/compare/');
    expect(markdownTargets(text)).toEqual(
      expect.arrayContaining([`${REPO_URL}/tree/v1.2.0`, `${REPO_URL}/commit/${sha(1)}`]),
    );
  });

  it.each([
    [
      'branch',
      'push_hooks',
      'refs/heads/old',
      '0'.repeat(40),
      '删除了分支 old',
      `${REPO_URL}/branches`,
    ],
    ['tag', 'tag_push_hooks', 'refs/tags/v0.9', '00000000', '删除了标签 v0.9', `${REPO_URL}/tags`],
  ] as const)(
    'announces a deleted %s without commits, naming where it pointed',
    (_kind, hookName, ref, after, words, list) => {
      const payload = pushPayload({
        hookName,
        ref,
        before: sha(5),
        after,
        commits: [],
        headCommit: null,
        total: null,
        deleted: true,
      });
      const text = textOf(format(payload));
      expect(text).toContain(words);
      expect(text).toContain(`删除前指向：[5555555](${REPO_URL}/commit/${sha(5)})`);
      expect(text).not.toMatch(/^- /m);
      expect(text).not.toContain('/compare/');
      expect(markdownTargets(text)).toContain(list);
    },
  );

  it('says the branch was updated when a push carries no commits (a force-push back)', () => {
    expect(titleOf(format(pushPayload({ commits: [], total: 0 })))).toBe(
      '[Gitee] Alice 王 更新了 api 的 main 分支',
    );
  });

  it('falls back to a short generic message when the push has no ref', () => {
    const payload = pushPayload();
    delete payload.ref;
    const message = format(payload);
    expect(titleOf(message)).toBe('[Gitee] Alice 王 在 api 触发了「推送」事件');
    expect(markdownTargets(textOf(message))).toEqual([REPO_URL, REPO_URL]);
  });
});
