import { envelope, giteeUser, label, REPO_URL, type Payload } from './common';

export interface IssueOptions {
  action?: string;
  state?: string;
  stateName?: string;
  title?: string;
  body?: string;
  assignee?: Payload | null;
  author?: Payload;
  labels?: Payload[];
}

/** An issue hook: `action`, the `issue` object (number is a string) and top-level copies. */
export function issuePayload(options: IssueOptions = {}): Payload {
  const state = options.state ?? 'open';
  const assignee = options.assignee === undefined ? null : options.assignee;
  const issue = {
    id: 9001,
    number: 'I4ABCD',
    html_url: `${REPO_URL}/issues/I4ABCD`,
    title: options.title ?? 'Login page shows a blank screen',
    body: options.body ?? 'Steps: open /login on Safari.',
    state,
    state_name: options.stateName ?? '待办的',
    type_name: '任务',
    labels: options.labels ?? [label('bug')],
    user: options.author ?? giteeUser('carol', 'Carol'),
    assignee,
    milestone: null,
  };
  return {
    ...envelope('issue_hooks'),
    action: options.action ?? 'open',
    issue,
    iid: issue.number,
    title: issue.title,
    description: issue.body,
    state,
    url: issue.html_url,
    user: issue.user,
    assignee,
    updated_by: giteeUser('alice', 'Alice 王'),
    milestone: null,
  };
}
