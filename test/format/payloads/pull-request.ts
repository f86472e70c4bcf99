import { envelope, giteeUser, label, REPO_URL, sha, type Payload } from './common';

export interface PullRequestOptions {
  action?: string;
  actionDesc?: string | null;
  state?: string;
  title?: string;
  body?: string;
  author?: Payload;
  reviewers?: Payload[];
  testers?: Payload[];
  labels?: Payload[] | null;
  target?: string;
  source?: string;
}

/** A merge-request hook: `action`, `action_desc`, the `pull_request` (number is a number). */
export function pullRequestPayload(options: PullRequestOptions = {}): Payload {
  const target = options.target ?? 'main';
  const source = options.source ?? 'feature/sso';
  const pullRequest = {
    id: 555,
    number: 12,
    html_url: `${REPO_URL}/pulls/12`,
    title: options.title ?? 'Add SSO login',
    body: options.body ?? 'Adds SSO via the company IdP.',
    state: options.state ?? 'open',
    merged: options.action === 'merge',
    user: options.author ?? giteeUser('bob', 'Bob'),
    assignees: options.reviewers ?? [giteeUser('carol', 'Carol')],
    testers: options.testers ?? [giteeUser('dave', 'Dave')],
    labels: options.labels === undefined ? [label('feature')] : options.labels,
    head: {
      ref: source,
      sha: sha(3),
      label: `bob:${source}`,
      repo: { html_url: REPO_URL },
    },
    base: { ref: target, sha: sha(4), label: `acme:${target}`, repo: { html_url: REPO_URL } },
    commits: 3,
    additions: 120,
    deletions: 8,
    changed_files: 5,
  };
  return {
    ...envelope('merge_request_hooks'),
    action: options.action ?? 'open',
    action_desc: options.actionDesc === undefined ? 'open' : options.actionDesc,
    pull_request: pullRequest,
    number: pullRequest.number,
    iid: pullRequest.number,
    title: pullRequest.title,
    body: pullRequest.body,
    state: pullRequest.state,
    url: pullRequest.html_url,
    source_branch: source,
    target_branch: target,
    author: pullRequest.user,
    updated_by: giteeUser('alice', 'Alice 王'),
  };
}
