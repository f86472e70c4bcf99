import type { LinkName } from '../view/locales/locale-text';
import { zhCN } from '../view/locales/zh-CN';

/**
 * The documented template fields, once: the validator checks every variable a template uses
 * against this list, and the README's field table is written from it. `commits[].title` is
 * the `title` of each entry of `commits`. What each event fills is built in
 * lib/view/template-fields.ts (describe time) and lib/templates/render-fields.ts (render time).
 */
export type FieldType =
  | 'string'
  | 'number'
  | 'number or nil'
  | 'boolean'
  | 'object'
  | 'object or nil'
  | 'list of strings'
  | 'list of objects';

export interface FieldDoc {
  path: string;
  type: FieldType;
  description: string;
  /** A value as a template prints it (a real fixture's, where one exists). */
  example: string;
}

const person = (path: string, who: string, name = 'kit101'): FieldDoc[] => [
  { path: `${path}.name`, type: 'string', description: `${who}: display name`, example: name },
  {
    path: `${path}.login`,
    type: 'string',
    description: `${who}: Gitee login, or ""`,
    example: 'kit101',
  },
];

const commit = (path: string): FieldDoc[] => [
  {
    path: `${path}.id`,
    type: 'string',
    description: 'Full SHA',
    example: '9921e45e570db8e57e544650baf837932fb2100f',
  },
  {
    path: `${path}.short_id`,
    type: 'string',
    description: 'First 7 characters of the SHA',
    example: '9921e45',
  },
  {
    path: `${path}.title`,
    type: 'string',
    description: 'First line of the message, at most 128 characters',
    example: 'fix: login redirect',
  },
  {
    path: `${path}.url`,
    type: 'string',
    description: 'The commit page',
    example: 'https://gitee.com/kit101/drone-yml-test/commit/9921e45…',
  },
  {
    path: `${path}.author`,
    type: 'string',
    description: "Author's display name",
    example: 'kit101',
  },
  {
    path: `${path}.author_login`,
    type: 'string',
    description: 'Author\'s Gitee login, or "" (web-UI commits)',
    example: 'kit101',
  },
  {
    path: `${path}.time`,
    type: 'string',
    description: "Commit time in the robot's time zone",
    example: '2021-10-08 17:53',
  },
];

/** `words.links.<name>` → the locale table's link label. */
export const LINK_WORDS = {
  compare: 'compare',
  branch: 'branch',
  tag: 'tag',
  commit: 'commit',
  issue: 'issue',
  pull_request: 'pullRequest',
  comment: 'comment',
  repository: 'repository',
} as const satisfies Readonly<Record<string, LinkName>>;

// prettier-ignore
export const TEMPLATE_FIELDS: readonly FieldDoc[] = [
  { path: 'event', type: 'string', description: 'push, tag_push, issue, pull_request or comment', example: 'push' },
  { path: 'action', type: 'string', description: 'The action as routes name it (push: push, create, delete; pull_request: open, merge, …)', example: 'merge' },
  { path: 'summary', type: 'string', description: "The built-in message's one-line headline", example: 'kit101 pushed 1 commit to feat-2-1 in drone-yml-test' },
  { path: 'actor', type: 'object', description: 'Who did it (the locale\'s "someone" when Gitee names nobody)', example: '' },
  ...person('actor', 'Who did it'),
  { path: 'repository', type: 'object', description: 'The repository', example: '' },
  { path: 'repository.name', type: 'string', description: "Gitee's name (the display name)", example: 'drone-yml-test' },
  { path: 'repository.full_name', type: 'string', description: 'namespace/path', example: 'kit101/drone-yml-test' },
  { path: 'repository.url', type: 'string', description: 'The repository page', example: 'https://gitee.com/kit101/drone-yml-test' },
  { path: 'url', type: 'string', description: 'The Gitee page the event is about', example: 'https://gitee.com/kit101/drone-yml-test/pulls/9' },
  { path: 'branch', type: 'string', description: "push: the branch; pull_request (and a comment on one): the target branch", example: 'feat-2-1' },
  { path: 'tag', type: 'string', description: 'tag_push: the tag', example: 'v1.0.0' },
  { path: 'compare_url', type: 'string', description: 'push: the compare page ("" for a new or deleted branch)', example: 'https://gitee.com/kit101/drone-yml-test/compare/6168d9d…9921e45' },
  { path: 'commits', type: 'list of objects', description: 'push: the commits listed, at most the robot\'s maxCommits, oldest first', example: '' },
  ...commit('commits[]'),
  { path: 'total_commits', type: 'number', description: 'push: how many commits the push holds', example: '7' },
  { path: 'more_commits', type: 'number', description: 'total_commits minus the commits listed', example: '2' },
  { path: 'authors', type: 'list of strings', description: 'push: the authors of the commits Gitee lists (at most 50), each once', example: 'Li Si, Wang Wu' },
  { path: 'head_commit', type: 'object or nil', description: 'push, tag_push: the newest (tagged) commit', example: '' },
  ...commit('head_commit'),
  { path: 'timestamp', type: 'string', description: 'When Gitee sent the event, ISO 8601 (for the date filter)', example: '2021-10-08T09:53:19.688Z' },
  { path: 'time', type: 'string', description: "The same in the robot's time zone", example: '2021-10-08 17:53' },
  { path: 'issue', type: 'object or nil', description: 'issue, and a comment on an issue', example: '' },
  { path: 'issue.number', type: 'string', description: 'The issue number, a string', example: 'I4CYEO' },
  { path: 'issue.title', type: 'string', description: 'Title, at most 128 characters', example: 'create by api' },
  { path: 'issue.url', type: 'string', description: 'The issue page', example: 'https://gitee.com/kit101/drone-yml-test/issues/I4CF12' },
  { path: 'issue.state', type: 'string', description: 'Gitee\'s state: open, progressing, closed, rejected', example: 'open' },
  { path: 'issue.labels', type: 'list of strings', description: 'Label names', example: 'bug' },
  { path: 'issue.assignee', type: 'object or nil', description: 'Who it is assigned to', example: '' },
  ...person('issue.assignee', 'Assignee'),
  { path: 'issue.author', type: 'object or nil', description: 'Who opened it', example: '' },
  ...person('issue.author', 'Author'),
  { path: 'issue.milestone', type: 'string', description: 'Milestone title', example: 'beta1.0' },
  { path: 'issue.excerpt', type: 'string', description: 'The body as one line of prose, at most 200 characters', example: 'create by api body' },
  { path: 'pull_request', type: 'object or nil', description: 'pull_request, and a comment on one', example: '' },
  { path: 'pull_request.number', type: 'number or nil', description: 'The pull request number', example: '9' },
  { path: 'pull_request.title', type: 'string', description: 'Title, at most 128 characters', example: 'feat-3' },
  { path: 'pull_request.url', type: 'string', description: 'The pull request page', example: 'https://gitee.com/kit101/drone-yml-test/pulls/9' },
  { path: 'pull_request.source_branch', type: 'string', description: 'Source branch', example: 'feat-3' },
  { path: 'pull_request.target_branch', type: 'string', description: 'Target branch', example: 'master' },
  { path: 'pull_request.state', type: 'string', description: "Gitee's state: open, merged, closed", example: 'open' },
  { path: 'pull_request.merged', type: 'boolean', description: 'Whether it is merged', example: 'false' },
  { path: 'pull_request.labels', type: 'list of strings', description: 'Label names', example: 'enhancement' },
  { path: 'pull_request.author', type: 'object or nil', description: 'Who opened it', example: '' },
  ...person('pull_request.author', 'Author'),
  { path: 'pull_request.reviewers', type: 'list of objects', description: 'Reviewers', example: '' },
  ...person('pull_request.reviewers[]', 'Reviewer'),
  { path: 'pull_request.testers', type: 'list of objects', description: 'Testers', example: '' },
  ...person('pull_request.testers[]', 'Tester'),
  { path: 'pull_request.commit_count', type: 'number or nil', description: 'Commits in it', example: '1' },
  { path: 'pull_request.changed_files', type: 'number or nil', description: 'Files changed', example: '1' },
  { path: 'pull_request.additions', type: 'number or nil', description: 'Lines added', example: '1' },
  { path: 'pull_request.deletions', type: 'number or nil', description: 'Lines deleted', example: '0' },
  { path: 'pull_request.excerpt', type: 'string', description: 'The body as one line of prose, at most 200 characters', example: 'feat-3' },
  { path: 'comment', type: 'object or nil', description: 'comment', example: '' },
  { path: 'comment.excerpt', type: 'string', description: 'The comment as one line of prose, at most 200 characters', example: 'test issue comment hook' },
  { path: 'comment.url', type: 'string', description: 'The comment itself', example: 'https://gitee.com/kit101/drone-yml-test/issues/I4CF12#note_6933558' },
  { path: 'comment.target', type: 'string', description: 'What it is on: issue, pull_request, commit or repository', example: 'issue' },
  { path: 'words', type: 'object', description: "The robot's locale's words", example: '' },
  { path: 'words.event', type: 'string', description: 'The event\'s name', example: '推送' },
  { path: 'words.more_commits', type: 'string', description: '"…and N more commits", or "" when none are left out', example: '…还有 2 个提交' },
  { path: 'words.separator', type: 'string', description: 'Between facts on one line', example: ' · ' },
  { path: 'words.list_separator', type: 'string', description: 'Between names in a list (for join)', example: '、' },
  { path: 'words.colon', type: 'string', description: 'Between a label and its value', example: '：' },
  { path: 'words.none', type: 'string', description: 'The word for "none"', example: '无' },
  { path: 'words.links', type: 'object', description: 'Link labels', example: '' },
  ...Object.entries(LINK_WORDS).map(([name, key]): FieldDoc => ({ path: `words.links.${name}`, type: 'string', description: `The label of a link to the ${name.replace('_', ' ')}`, example: zhCN.links[key] })),
];
