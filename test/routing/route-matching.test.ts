import type { ParsedDelivery } from '../../lib/gitee/event';
import { parseFixture } from '../helpers/parse-fixture';
import { comment, issue, pullRequest, push, tagPush } from './deliveries';
import { matches } from './routes';

describe('routeDelivery conditions', () => {
  it.each<[string, string, boolean]>([
    ['org/web-*', 'org/web-app', true],
    ['org/web-*', 'org/web', false],
    ['org/web-*', 'org/web/x', false],
    ['org/*', 'org/web/x', false],
    ['org/**', 'org/web/x', true],
    ['**', 'kit101/drone-yml-test', true],
    ['**/api', 'org/api', true],
    ['org/api', 'org/api-gateway', false],
  ])('matches repos glob %s against %s: %s', (pattern, path, expected) => {
    expect(matches({ repos: [pattern] }, push(path, 'main'))).toBe(expected);
  });

  it('matches a repository when any of the route repos globs does', () => {
    expect(matches({ repos: ['org/web-*', 'org/api'] }, push('org/api', 'main'))).toBe(true);
  });

  it.each<[string, string, boolean, ParsedDelivery]>([
    ['push', 'push-commits', true, parseFixture('push-commits')],
    ['push', 'push-branch-create', true, parseFixture('push-branch-create')],
    ['push.push', 'push-branch-create', false, parseFixture('push-branch-create')],
    ['push.create', 'push-branch-create', true, parseFixture('push-branch-create')],
    ['tag_push', 'push-commits', false, parseFixture('push-commits')],
    ['tag_push', 'tag_push-create', true, parseFixture('tag_push-create')],
    ['tag_push.delete', 'tag_push-delete', true, parseFixture('tag_push-delete')],
    ['pull_request.merge', 'merge_request-merge', true, parseFixture('merge_request-merge')],
    ['pull_request.merge', 'merge_request-close', false, parseFixture('merge_request-close')],
    ['pull_request.close', 'merge_request-merge', false, parseFixture('merge_request-merge')],
    ['pull_request', 'merge_request-close', true, parseFixture('merge_request-close')],
    [
      'issue.state_change',
      'issue-state_change (progressing)',
      true,
      parseFixture('issue-state_change'),
    ],
    ['issue.state_change', 'an issue closed', true, issue('org/api', 'state_change', 'closed')],
    ['issue.state_change', 'an issue reopened', true, issue('org/api', 'state_change', 'open')],
    ['issue.state_change', 'an issue rejected', true, issue('org/api', 'state_change', 'rejected')],
    ['issue.state_change', 'issue-open', false, parseFixture('issue-open')],
    ['issue.close', 'issue-state_change (progressing)', false, parseFixture('issue-state_change')],
    ['issue.close', 'an issue closed', true, issue('org/api', 'state_change', 'closed')],
    ['issue', 'issue-delete', true, parseFixture('issue-delete')],
    ['comment', 'note-issue', true, parseFixture('note-issue')],
    ['comment.comment', 'note-pull_request', true, parseFixture('note-pull_request')],
    ['comment.edited', 'note-issue', false, parseFixture('note-issue')],
  ])('matches events entry %s against %s: %s', (entry, _, expected, delivery) => {
    expect(matches({ events: [entry] }, delivery)).toBe(expected);
  });

  it.each<[string, string[], boolean, ParsedDelivery]>([
    ['a push to main', ['main'], true, push('org/api', 'main')],
    ['a push to release/1.2', ['main', 'release/*'], true, push('org/api', 'release/1.2')],
    ['a push to release/1.2/hotfix', ['release/*'], false, push('org/api', 'release/1.2/hotfix')],
    ['a push to release/1.2/hotfix', ['release/**'], true, push('org/api', 'release/1.2/hotfix')],
    ['push-commits (feat-2-1)', ['feat-*'], true, parseFixture('push-commits')],
    ['push-commits (feat-2-1)', ['main'], false, parseFixture('push-commits')],
    ['push-branch-delete (feat-3)', ['feat-3'], true, parseFixture('push-branch-delete')],
    ['a push without a ref', ['**'], false, push('org/api', 'main', { ref: null })],
    ['tag_push-create-2020 (v0.1)', ['v*'], true, parseFixture('tag_push-create-2020')],
    ['tag_push-create (1.3)', ['main'], false, parseFixture('tag_push-create')],
    ['merge_request-merge (into master)', ['master'], true, parseFixture('merge_request-merge')],
    [
      'a pull request from release/x into main',
      ['release/*'],
      false,
      pullRequest('org/api', 'open', { source: 'release/x' }),
    ],
    [
      'a pull request without target_branch, base develop',
      ['develop'],
      true,
      pullRequest('org/api', 'open', { target: 'develop', extra: { target_branch: null } }),
    ],
    ['note-pull_request (PR into master)', ['master'], true, parseFixture('note-pull_request')],
    ['note-pull_request (PR into master)', ['main'], false, parseFixture('note-pull_request')],
    [
      'a comment on a pull request into main',
      ['main'],
      true,
      comment('org/api', { pullRequestInto: 'main' }),
    ],
    ['note-issue (no branch)', ['main'], true, parseFixture('note-issue')],
    ['issue-open (no branch)', ['main'], true, parseFixture('issue-open')],
  ])('matches branches for %s against %j: %s', (_, branches, expected, delivery) => {
    expect(matches({ branches }, delivery)).toBe(expected);
  });

  it('still routes issues when a route names branches for its pushes', () => {
    const conditions = { events: ['push', 'issue'], branches: ['main'] };
    expect(matches(conditions, issue('org/api', 'open'))).toBe(true);
    expect(matches(conditions, push('org/api', 'main'))).toBe(true);
    expect(matches(conditions, push('org/api', 'dev'))).toBe(false);
  });

  it('requires every condition of a route to match', () => {
    const conditions = { repos: ['org/api'], events: ['push'], branches: ['main'] };
    expect(matches(conditions, push('org/api', 'main'))).toBe(true);
    expect(matches(conditions, push('org/web', 'main'))).toBe(false);
    expect(matches(conditions, tagPush('org/api', 'main'))).toBe(false);
    expect(matches(conditions, push('org/api', 'dev'))).toBe(false);
  });
});
