import { format, markdownTargets, textOf, titleOf } from './message-parts';
import { giteeUser, REPO_URL } from './payloads/common';
import { issuePayload } from './payloads/issue';

const ISSUE_URL = `${REPO_URL}/issues/I4ABCD`;

describe('issue messages', () => {
  it.each([
    [
      'closed',
      '已完成',
      'Alice 王 关闭了 api 的 Issue #I4ABCD',
      'Alice 王 closed issue #I4ABCD in api',
    ],
    [
      'open',
      '待办的',
      'Alice 王 重新打开了 api 的 Issue #I4ABCD',
      'Alice 王 reopened issue #I4ABCD in api',
    ],
    [
      'rejected',
      '已拒绝',
      'Alice 王 拒绝了 api 的 Issue #I4ABCD',
      'Alice 王 rejected issue #I4ABCD in api',
    ],
    [
      'progressing',
      '进行中',
      'Alice 王 将 api 的 Issue #I4ABCD 改为「进行中」',
      'Alice 王 moved issue #I4ABCD in api to “in progress”',
    ],
  ])('says what a state_change to %s did, in both locales', (state, stateName, zh, en) => {
    const payload = issuePayload({ action: 'state_change', state, stateName });
    expect(titleOf(format(payload))).toBe(`[Gitee] ${zh}：Login page shows a blank screen`);
    expect(titleOf(format(payload, { locale: 'en' }))).toBe(
      `[Gitee] ${en}: Login page shows a blank screen`,
    );
  });

  it('shows an opened issue with its labels, assignee, an excerpt of the body and a link to it', () => {
    const text = textOf(format(issuePayload({ assignee: giteeUser('bob', 'Bob') })));
    expect(text).toContain('负责人：Bob · 标签：bug');
    expect(text).toContain('> Steps: open /login on Safari.');
    expect(markdownTargets(text)).toEqual([REPO_URL, ISSUE_URL, ISSUE_URL]);
  });

  it('names the new assignee in the headline of an assign, and says when the assignee was removed', () => {
    const assigned = format(
      issuePayload({
        action: 'assign',
        state: 'progressing',
        stateName: '进行中',
        assignee: giteeUser('bob', 'Bob'),
      }),
    );
    expect(titleOf(assigned)).toBe(
      '[Gitee] Alice 王 将 api 的 Issue #I4ABCD 指派给 Bob：Login page shows a blank screen',
    );
    expect(textOf(assigned)).toContain('状态：进行中');
    const unassigned = format(issuePayload({ action: 'assign', assignee: null }), { locale: 'en' });
    expect(titleOf(unassigned)).toBe(
      '[Gitee] Alice 王 unassigned issue #I4ABCD in api: Login page shows a blank screen',
    );
  });

  it('does not link a deleted issue, only the issue list', () => {
    const text = textOf(format(issuePayload({ action: 'delete' })));
    expect(text).toContain('删除了 api 的 Issue #I4ABCD');
    expect(markdownTargets(text)).toEqual([REPO_URL, `${REPO_URL}/issues`]);
  });

  it('treats an action it does not know as an update and still shows the state', () => {
    const message = format(
      issuePayload({ action: 'something_new', state: 'progressing', stateName: '进行中' }),
    );
    expect(titleOf(message)).toBe(
      '[Gitee] Alice 王 更新了 api 的 Issue #I4ABCD：Login page shows a blank screen',
    );
    expect(textOf(message)).toContain('状态：进行中');
  });

  it('cuts a long title to about 100 characters with an ellipsis', () => {
    const title = titleOf(format(issuePayload({ title: '很长的标题'.repeat(60) })));
    const shown = title.split('：')[1] ?? '';
    expect([...shown]).toHaveLength(100);
    expect(shown.endsWith('…')).toBe(true);
  });
});
