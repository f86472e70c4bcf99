import type { ParsedDelivery } from '../../lib/gitee/event';
import { parsePayload } from '../helpers/parse-fixture';

/**
 * Small hand-written deliveries for what the real captures do not cover (other repositories,
 * branches, actions), parsed by the real parser. `extra` is merged into the body last.
 */
type Body = Record<string, unknown>;

function envelope(hookName: string, repo: string): Body {
  return {
    hook_name: hookName,
    hook_id: 42,
    hook_url: `https://gitee.com/${repo}/hooks/42/edit`,
    timestamp: '1700000000000',
    password: '',
    sign: '',
    repository: { path_with_namespace: repo },
    sender: { login: 'alice' },
  };
}

export function push(repo: string, branch: string, extra: Body = {}): ParsedDelivery {
  return parsePayload({
    ...envelope('push_hooks', repo),
    ref: `refs/heads/${branch}`,
    created: false,
    deleted: false,
    commits: [{ id: 'a1', message: 'fix: something' }],
    ...extra,
  });
}

export function tagPush(repo: string, tag: string, extra: Body = {}): ParsedDelivery {
  return parsePayload({
    ...envelope('tag_push_hooks', repo),
    ref: `refs/tags/${tag}`,
    created: true,
    deleted: false,
    commits: null,
    ...extra,
  });
}

export interface PullRequestOptions {
  target?: string;
  source?: string;
  number?: number;
  actionDesc?: string | null;
  extra?: Body;
}

export function pullRequest(
  repo: string,
  action: string,
  options: PullRequestOptions = {},
): ParsedDelivery {
  const { target = 'main', source = 'feature/x', number = 7, actionDesc = null } = options;
  return parsePayload({
    ...envelope('merge_request_hooks', repo),
    action,
    action_desc: actionDesc,
    target_branch: target,
    source_branch: source,
    pull_request: {
      id: 9000 + number,
      number,
      head: { ref: source },
      base: { ref: target },
    },
    ...options.extra,
  });
}

export function issue(
  repo: string,
  action: string,
  state = 'open',
  extra: Body = {},
): ParsedDelivery {
  return parsePayload({
    ...envelope('issue_hooks', repo),
    action,
    state,
    issue: { number: 'I4CYEO', state },
    ...extra,
  });
}

/** A comment on an issue, or on a pull request into `target`. */
export function comment(repo: string, on: 'issue' | { pullRequestInto: string }): ParsedDelivery {
  const onIssue = on === 'issue';
  return parsePayload({
    ...envelope('note_hooks', repo),
    action: 'comment',
    noteable_type: onIssue ? 'Issue' : 'PullRequest',
    comment: { id: 1, body: 'LGTM' },
    issue: onIssue ? { number: 'I4CF12' } : null,
    pull_request: onIssue ? null : { number: 7, base: { ref: on.pullRequestInto } },
  });
}

/** Gitee's Test button for a hook on `repo`: canned data, the hook's own envelope. */
export function ping(repo: string, extra: Body = {}): ParsedDelivery {
  const canned = { ...envelope('push_hooks', 'oschina/gitee'), ref: 'refs/heads/master' };
  const hookUrl = `https://gitee.com/${repo}/hooks/42/edit`;
  return parsePayload({ ...canned, hook_url: hookUrl, ...extra }, { 'x-gitee-ping': 'true' });
}
