import { format, markdownTargets, textOf, titleOf } from './message-parts';
import { REPO_URL, sha } from './payloads/common';
import { commitNote, issueNote, pullRequestNote, repositoryNote } from './payloads/note';

const COMMIT = sha('b');

describe('comment messages', () => {
  it('says who commented on which issue, quotes the comment and links the comment itself', () => {
    const text = textOf(format(issueNote()));
    expect(titleOf(format(issueNote()))).toBe(
      '[Gitee] Alice 王 评论了 api 的 Issue #I4ABCD：Login page shows a blank screen',
    );
    expect(text).toContain('> Looks good to me.');
    expect(markdownTargets(text).at(-1)).toBe(`${REPO_URL}/issues/I4ABCD#note_777`);
  });

  it('names a pull request comment by its number and title', () => {
    expect(titleOf(format(pullRequestNote(), { locale: 'en' }))).toBe(
      '[Gitee] Alice 王 commented on pull request !12 in api: Add SSO login',
    );
  });

  it('names a commit comment by its short SHA and links the commit and the comment', () => {
    const message = format(commitNote());
    expect(titleOf(message)).toBe('[Gitee] Alice 王 评论了 api 的提交 bbbbbbb');
    expect(markdownTargets(textOf(message))).toEqual([
      REPO_URL,
      `${REPO_URL}/commit/${COMMIT}`,
      `${REPO_URL}/commit/${COMMIT}#note_777`,
    ]);
  });

  it('links a commit comment through short_commit_id when the full commit id is absent', () => {
    const text = textOf(format(commitNote({ fullCommitId: false }), { locale: 'en' }));
    expect(text).toContain(`[bbbbbbb](${REPO_URL}/commit/${COMMIT.slice(0, 8)})`);
  });

  it('builds the #note_ link from the target and the comment id when Gitee gives none', () => {
    const text = textOf(format(pullRequestNote({ withHtmlUrl: false })));
    expect(markdownTargets(text).at(-1)).toBe(`${REPO_URL}/pulls/12#note_777`);
  });

  it('handles a comment on the repository itself (a noteable_type it has no page for)', () => {
    const message = format(repositoryNote());
    expect(titleOf(message)).toBe('[Gitee] Alice 王 评论了 api 仓库');
    expect(titleOf(format(repositoryNote(), { locale: 'en' }))).toBe(
      '[Gitee] Alice 王 commented on repository api',
    );
    expect(markdownTargets(textOf(message))).toEqual([REPO_URL, REPO_URL]);
  });

  it('says when a comment was edited or deleted, and links no deleted comment', () => {
    expect(titleOf(format(issueNote({ action: 'edited' })))).toContain(
      'Alice 王 编辑了对 api 的 Issue #I4ABCD 的评论',
    );
    const deleted = format(pullRequestNote({ action: 'deleted' }), { locale: 'en' });
    expect(titleOf(deleted)).toContain('Alice 王 deleted a comment on pull request !12 in api');
    expect(markdownTargets(textOf(deleted)).at(-1)).toBe(`${REPO_URL}/pulls/12`);
  });

  it('quotes a multi-line comment on one line, cut to about 200 characters', () => {
    const body = `第一行\r\n\r\n${'长评论'.repeat(100)}`;
    const excerpt = textOf(format(issueNote({ body })))
      .split('\n\n')
      .find((line) => line.startsWith('> '));
    expect(excerpt?.startsWith('> 第一行 长评论')).toBe(true);
    expect([...(excerpt ?? '').slice(2)]).toHaveLength(200);
    expect(excerpt?.endsWith('…')).toBe(true);
  });
});
