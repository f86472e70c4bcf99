import { format, markdownTargets, textOf, titleOf } from './message-parts';
import { giteeUser, REPO_URL } from './payloads/common';
import { pullRequestPayload } from './payloads/pull-request';

const PR_URL = `${REPO_URL}/pulls/12`;

describe('pull request messages', () => {
  it.each([
    [
      'approved',
      null,
      'Alice 王 审查通过了 api 的 PR !12',
      'Alice 王 approved pull request !12 in api',
    ],
    [
      'tested',
      null,
      'Alice 王 测试通过了 api 的 PR !12',
      'Alice 王 marked pull request !12 in api as tested',
    ],
    [
      'assign',
      null,
      'Alice 王 为 api 的 PR !12 指派了审查人员',
      'Alice 王 assigned reviewers to pull request !12 in api',
    ],
    [
      'test',
      null,
      'Alice 王 为 api 的 PR !12 指派了测试人员',
      'Alice 王 assigned testers to pull request !12 in api',
    ],
    ['merge', 'open', 'Alice 王 合并了 api 的 PR !12', 'Alice 王 merged pull request !12 in api'],
    [
      'close',
      'open',
      'Alice 王 关闭了 api 的 PR !12（未合并）',
      'Alice 王 closed pull request !12 in api without merging',
    ],
    [
      'update',
      'source_branch_changed',
      'Alice 王 向 api 的 PR !12 推送了新提交',
      'Alice 王 pushed new commits to pull request !12 in api',
    ],
    [
      'update',
      'update_label',
      'Alice 王 修改了 api 的 PR !12 的标签',
      'Alice 王 changed the labels of pull request !12 in api',
    ],
    [
      'update',
      'something_new',
      'Alice 王 更新了 api 的 PR !12',
      'Alice 王 updated pull request !12 in api',
    ],
    ['unassign', null, 'Alice 王 更新了 api 的 PR !12', 'Alice 王 updated pull request !12 in api'],
  ])('says what %s (%s) did, in both locales', (action, actionDesc, zh, en) => {
    const payload = pullRequestPayload({ action, actionDesc });
    expect(titleOf(format(payload))).toBe(`[Gitee] ${zh}：Add SSO login`);
    expect(titleOf(format(payload, { locale: 'en' }))).toBe(`[Gitee] ${en}: Add SSO login`);
  });

  it('names the new target branch when it changed, and shows source → target', () => {
    const message = format(
      pullRequestPayload({
        action: 'update',
        actionDesc: 'target_branch_changed',
        target: 'release/2.0',
      }),
    );
    expect(titleOf(message)).toBe(
      '[Gitee] Alice 王 将 api 的 PR !12 的目标分支改为 release/2.0：Add SSO login',
    );
    expect(textOf(message)).toContain(
      `[feature/sso](${REPO_URL}/tree/feature/sso) → [release/2.0](${REPO_URL}/tree/release/2.0)`,
    );
  });

  it('shows an opened pull request with reviewers, testers, labels, size and body, and links its files', () => {
    const text = textOf(format(pullRequestPayload()));
    expect(text).toContain(
      '审查人员：Carol · 测试人员：Dave · 标签：feature · 改动：3 个提交 · 5 个文件 · +120 −8',
    );
    expect(text).toContain('> Adds SSO via the company IdP.');
    expect(markdownTargets(text).slice(-2)).toEqual([PR_URL, `${PR_URL}/files`]);
  });

  it('links the commits of a pull request that received new commits', () => {
    const text = textOf(
      format(pullRequestPayload({ action: 'update', actionDesc: 'source_branch_changed' })),
    );
    expect(markdownTargets(text).slice(-2)).toEqual([PR_URL, `${PR_URL}/commits`]);
  });

  it('names the author of a merged pull request unless the author merged it', () => {
    expect(textOf(format(pullRequestPayload({ action: 'merge' })))).toContain('作者：Bob');
    const own = pullRequestPayload({ action: 'merge', author: giteeUser('alice', 'Alice 王') });
    expect(textOf(format(own))).not.toContain('作者');
  });

  it('says "none" when the last label was removed, and copes with labels: null', () => {
    const text = textOf(
      format(pullRequestPayload({ action: 'update', actionDesc: 'update_label', labels: null }), {
        locale: 'en',
      }),
    );
    expect(text).toContain('Labels: none');
  });

  it('gives a single button for a merge and two side by side for an opened pull request', () => {
    const merged = format(pullRequestPayload({ action: 'merge' }), { msgtype: 'actionCard' });
    expect(merged.msgtype === 'actionCard' && merged.actionCard).toMatchObject({
      singleTitle: '查看 PR',
      singleURL: PR_URL,
    });
    const opened = format(pullRequestPayload(), { msgtype: 'actionCard', locale: 'en' });
    expect(opened.msgtype === 'actionCard' && opened.actionCard).toMatchObject({
      btnOrientation: '1',
      btns: [
        { title: 'View pull request', actionURL: PR_URL },
        { title: 'View files', actionURL: `${PR_URL}/files` },
      ],
    });
  });
});
