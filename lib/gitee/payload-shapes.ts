import {
  finite,
  listOf,
  nullableCount,
  nullableFlag,
  nullableText,
  objectOf,
  orNull,
  text,
  type Shape,
} from './field-readers';
import type {
  GiteeBranchRef,
  GiteeComment,
  GiteeCommit,
  GiteeCommitPerson,
  GiteeEnvelope,
  GiteeIssue,
  GiteeLabel,
  GiteeMilestone,
  GiteeProject,
  GiteePullRequest,
  GiteeUser,
} from './payloads';

/** The parts payloads share: one shape per interface of payloads.ts. */

/** "I4CYEO"; a number is accepted as its digits, anything else leaves the number unknown (""). */
export function issueNumberOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return finite(value) === undefined ? '' : String(value);
}

/** A whole number, or its digits as a string; 0 when the number is unknown. */
export function pullRequestNumberOf(value: unknown): number {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : 0;
}

export const userShape: Shape<GiteeUser> = {
  id: nullableCount,
  login: nullableText,
  username: nullableText,
  user_name: nullableText,
  name: nullableText,
  html_url: nullableText,
  url: nullableText,
};
export const user = orNull(objectOf(userShape));

const personShape: Shape<GiteeCommitPerson> = {
  name: nullableText,
  email: nullableText,
  username: nullableText,
  user_name: nullableText,
  time: nullableText,
};
export const person = orNull(objectOf(personShape));

const projectShape: Shape<GiteeProject> = {
  id: finite,
  name: nullableText,
  path: nullableText,
  full_name: nullableText,
  path_with_namespace: nullableText,
  name_with_namespace: nullableText,
  namespace: nullableText,
  html_url: nullableText,
  url: nullableText,
  default_branch: nullableText,
  private: nullableFlag,
};
const project = orNull(objectOf(projectShape));

const commitShape: Shape<GiteeCommit> = {
  id: nullableText,
  message: nullableText,
  timestamp: nullableText,
  url: nullableText,
  author: person,
  committer: person,
};
export const commit = orNull(objectOf(commitShape));
export const commits = orNull(listOf(objectOf(commitShape)));

const labelShape: Shape<GiteeLabel> = { id: finite, name: nullableText, color: nullableText };
const labels = orNull(listOf(objectOf(labelShape)));

const milestoneShape: Shape<GiteeMilestone> = { title: nullableText };

export const issueShape: Shape<GiteeIssue> = {
  id: finite,
  number: issueNumberOf,
  title: nullableText,
  body: nullableText,
  html_url: nullableText,
  state: nullableText,
  state_name: nullableText,
  type_name: nullableText,
  labels,
  user,
  assignee: user,
  milestone: orNull(objectOf(milestoneShape)),
  updated_at: nullableText,
};

const branchShape: Shape<GiteeBranchRef> = {
  ref: nullableText,
  sha: nullableText,
  label: nullableText,
  repo: project,
};
const branch = orNull(objectOf(branchShape));

export const pullRequestShape: Shape<GiteePullRequest> = {
  id: finite,
  number: pullRequestNumberOf,
  title: nullableText,
  body: nullableText,
  html_url: nullableText,
  state: nullableText,
  merged: nullableFlag,
  user,
  assignees: orNull(listOf(objectOf(userShape))),
  testers: orNull(listOf(objectOf(userShape))),
  labels,
  head: branch,
  base: branch,
  commits: nullableCount,
  additions: nullableCount,
  deletions: nullableCount,
  changed_files: nullableCount,
  updated_at: nullableText,
};

export const commentShape: Shape<GiteeComment> = {
  id: finite,
  body: nullableText,
  html_url: nullableText,
  user,
  commit_id: nullableText,
};

export const envelopeShape: Shape<GiteeEnvelope> = {
  hook_name: text,
  hook_id: nullableCount,
  hook_url: nullableText,
  timestamp: (value) => (typeof value === 'string' ? value : nullableCount(value)),
  repository: project,
  project,
  sender: user,
  enterprise: orNull(objectOf({ name: nullableText, url: nullableText })),
};
