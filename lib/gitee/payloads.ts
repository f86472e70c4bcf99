/**
 * Gitee webhook payloads as gitee.com really sends them: only the fields we read.
 * Fields Gitee sends as `null` are `T | null`; fields some years omit are optional.
 * Source: ../shared/docs/gitee-webhook-protocol.md §3 and the captured fixtures.
 *
 * The parser builds these values from the body field by field (sanitize-payload.ts), so a value
 * holds only what is declared here, each of its declared type: anything the pipeline reads,
 * `fieldOf` reads in lib/view and lib/platforms included, must be declared here or it reads as absent.
 */

/** Full user object (`sender`, `author`, `assignee`, `pull_request.user`, …). */
export interface GiteeUser {
  id?: number | null;
  login?: string | null;
  username?: string | null;
  user_name?: string | null;
  /** Display nickname, may be Chinese. */
  name?: string | null;
  html_url?: string | null;
  url?: string | null;
}

/** Commit author/committer: a web-UI commit can carry only `name` and `email`. */
export interface GiteeCommitPerson {
  name?: string | null;
  email?: string | null;
  username?: string | null;
  user_name?: string | null;
  time?: string | null;
}

export interface GiteeProject {
  id?: number;
  name?: string | null;
  path?: string | null;
  full_name?: string | null;
  /** "namespace/name": the stable identity used for routing and links. */
  path_with_namespace?: string | null;
  name_with_namespace?: string | null;
  namespace?: string | null;
  html_url?: string | null;
  url?: string | null;
  default_branch?: string | null;
  private?: boolean | null;
}

export interface GiteeCommit {
  id?: string | null;
  message?: string | null;
  timestamp?: string | null;
  url?: string | null;
  author?: GiteeCommitPerson | null;
  committer?: GiteeCommitPerson | null;
}

export interface GiteeLabel {
  id?: number;
  name?: string | null;
  color?: string | null;
}

/**
 * Fields every hook carries (the "envelope"). Its `password` and `sign` are left out on
 * purpose: the credential is checked from the headers and never travels with the event.
 */
export interface GiteeEnvelope {
  hook_name?: string;
  hook_id?: number | null;
  /** The hook's edit page on Gitee: https://gitee.com/{ns}/{repo}/hooks/{id}/edit */
  hook_url?: string | null;
  timestamp?: string | number | null;
  repository?: GiteeProject | null;
  project?: GiteeProject | null;
  sender?: GiteeUser | null;
  enterprise?: { name?: string | null; url?: string | null } | null;
}

/** `push_hooks` and `tag_push_hooks` share this shape; `ref` is refs/heads/… or refs/tags/…. */
export interface GiteePushPayload extends GiteeEnvelope {
  ref?: string | null;
  before?: string | null;
  after?: string | null;
  created?: boolean | null;
  deleted?: boolean | null;
  compare?: string | null;
  /** `null` on branch/tag creation, `[]` on deletion. */
  commits?: GiteeCommit[] | null;
  /** `null` on deletion. */
  head_commit?: GiteeCommit | null;
  total_commits_count?: number | null;
  commits_more_than_ten?: boolean | null;
  user_name?: string | null;
  pusher?: GiteeCommitPerson | null;
  user?: GiteeCommitPerson | null;
}

export interface GiteeIssue {
  id?: number;
  /** A string such as "I4CYEO", never a number. */
  number: string;
  title?: string | null;
  body?: string | null;
  html_url?: string | null;
  state?: string | null;
  /** Localised state, e.g. "进行中". */
  state_name?: string | null;
  type_name?: string | null;
  labels?: GiteeLabel[] | null;
  user?: GiteeUser | null;
  assignee?: GiteeUser | null;
  milestone?: GiteeMilestone | null;
  /** When the issue last changed: part of a queued message's deduplication id (issue 11). */
  updated_at?: string | null;
}

export interface GiteeMilestone {
  title?: string | null;
}

export interface GiteeIssuePayload extends GiteeEnvelope {
  action?: string | null;
  issue: GiteeIssue;
  assignee?: GiteeUser | null;
  user?: GiteeUser | null;
  updated_by?: GiteeUser | null;
  state?: string | null;
  url?: string | null;
  /** The milestone's title, e.g. "beta1.0" (the issue's own `milestone` is an object). */
  milestone?: string | null;
}

export interface GiteeBranchRef {
  ref?: string | null;
  sha?: string | null;
  label?: string | null;
  /** The repository the branch lives in: a fork's, for a pull request from a fork. */
  repo?: GiteeProject | null;
}

export interface GiteePullRequest {
  id?: number;
  number: number;
  title?: string | null;
  body?: string | null;
  html_url?: string | null;
  state?: string | null;
  merged?: boolean | null;
  user?: GiteeUser | null;
  /** Reviewers. */
  assignees?: GiteeUser[] | null;
  testers?: GiteeUser[] | null;
  /** `[]`, a list, `null` (2025) or absent (2020). */
  labels?: GiteeLabel[] | null;
  head?: GiteeBranchRef | null;
  base?: GiteeBranchRef | null;
  commits?: number | null;
  additions?: number | null;
  deletions?: number | null;
  changed_files?: number | null;
  /** When the pull request last changed: part of a queued message's deduplication id. */
  updated_at?: string | null;
}

export interface GiteePullRequestPayload extends GiteeEnvelope {
  action?: string | null;
  /** Meaningful under `update`: source_branch_changed | target_branch_changed | update_label. */
  action_desc?: string | null;
  pull_request: GiteePullRequest;
  source_branch?: string | null;
  target_branch?: string | null;
  author?: GiteeUser | null;
  updated_by?: GiteeUser | null;
  url?: string | null;
  /** Copies of the pull request's own title and body. */
  title?: string | null;
  body?: string | null;
}

export interface GiteeComment {
  id?: number;
  body?: string | null;
  html_url?: string | null;
  user?: GiteeUser | null;
  commit_id?: string | null;
}

export interface GiteeNotePayload extends GiteeEnvelope {
  action?: string | null;
  comment: GiteeComment;
  /** Issue | PullRequest | Commit | anything else (repository comments, snippets). */
  noteable_type?: string | null;
  note?: string | null;
  url?: string | null;
  /** Title of the issue or pull request commented on, or null. */
  title?: string | null;
  /** "#I4CF12" for an issue, "!7" for a pull request. */
  per_iid?: string | null;
  short_commit_id?: string | null;
  issue?: GiteeIssue | null;
  pull_request?: GiteePullRequest | null;
  author?: GiteeUser | null;
}
