import { fromHookUrl, resolveRepository } from '../../lib/gitee/repository-ref';

describe('fromHookUrl', () => {
  it('reads the repository from the hook edit page, decoding each segment', () => {
    expect(fromHookUrl('https://gitee.com/org%2Dx/api/hooks/1/edit')).toEqual({
      path: 'org-x/api',
      name: 'org-x/api',
      url: 'https://gitee.com/org%2Dx/api',
    });
  });

  it.each([
    ['a malformed escape', 'https://gitee.com/org%zz/api/hooks/1/edit'],
    ['half a UTF-8 sequence', 'https://gitee.com/org/%E4%B8/hooks/1/edit'],
    ['an encoded lone surrogate', 'https://gitee.com/org/%ED%A0%80/hooks/1/edit'],
    ['no hooks path', 'https://gitee.com/org/api'],
    ['another scheme', 'ftp://gitee.com/org/api/hooks/1/edit'],
    ['not a URL', 'gitee.com/org/api/hooks/1/edit'],
    ['a number', 42],
  ])('finds no repository in %s', (_, hookUrl) => {
    expect(fromHookUrl(hookUrl)).toBeUndefined();
  });

  it('falls back from a malformed hook_url to nothing when the payload names no repository', () => {
    expect(resolveRepository(null, 'https://gitee.com/org%zz/api/hooks/1/edit')).toBeUndefined();
  });
});
