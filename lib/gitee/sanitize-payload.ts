import type { JsonRecord } from '../json-record';
import {
  nullableCount,
  nullableFlag,
  nullableText,
  objectOf,
  orNull,
  ownObjectOf,
  readFields,
  type Shape,
} from './field-readers';
import {
  commentShape,
  commit,
  commits,
  envelopeShape,
  issueNumberOf,
  issueShape,
  person,
  pullRequestNumberOf,
  pullRequestShape,
  user,
} from './payload-shapes';
import type {
  GiteeIssuePayload,
  GiteeNotePayload,
  GiteePullRequestPayload,
  GiteePushPayload,
} from './payloads';

/**
 * The typed payload of each kind, built from a verified body field by field (STYLE.md:
 * validate outside input at the edge). A field of the wrong type reads as absent; requiring
 * the kind's own object is the parser's job (lib/gitee/parse.ts answers 400 without it).
 */

const pushShape: Shape<GiteePushPayload> = {
  ...envelopeShape,
  ref: nullableText,
  before: nullableText,
  after: nullableText,
  created: nullableFlag,
  deleted: nullableFlag,
  compare: nullableText,
  commits,
  head_commit: commit,
  total_commits_count: nullableCount,
  commits_more_than_ten: nullableFlag,
  user_name: nullableText,
  pusher: person,
  user: person,
};

const issuePayloadShape: Shape<GiteeIssuePayload> = {
  ...envelopeShape,
  action: nullableText,
  issue: ownObjectOf(issueShape),
  assignee: user,
  user,
  updated_by: user,
  state: nullableText,
  url: nullableText,
  milestone: nullableText,
};

const pullRequestPayloadShape: Shape<GiteePullRequestPayload> = {
  ...envelopeShape,
  action: nullableText,
  action_desc: nullableText,
  pull_request: ownObjectOf(pullRequestShape),
  source_branch: nullableText,
  target_branch: nullableText,
  author: user,
  updated_by: user,
  url: nullableText,
  title: nullableText,
  body: nullableText,
};

const notePayloadShape: Shape<GiteeNotePayload> = {
  ...envelopeShape,
  action: nullableText,
  comment: ownObjectOf(commentShape),
  noteable_type: nullableText,
  note: nullableText,
  url: nullableText,
  title: nullableText,
  per_iid: nullableText,
  short_commit_id: nullableText,
  issue: orNull(objectOf(issueShape)),
  pull_request: orNull(objectOf(pullRequestShape)),
  author: user,
};

export function sanitizePushPayload(body: JsonRecord): GiteePushPayload {
  return readFields(pushShape, body);
}

/** An issue without a usable number takes the body's `iid` (the same "I4CYEO"). */
export function sanitizeIssuePayload(body: JsonRecord): GiteeIssuePayload {
  const payload = readFields(issuePayloadShape, body);
  if (payload.issue.number === '') payload.issue.number = issueNumberOf(body.iid);
  return payload;
}

/** A pull request without a usable number takes the body's own `number`. */
export function sanitizePullRequestPayload(body: JsonRecord): GiteePullRequestPayload {
  const payload = readFields(pullRequestPayloadShape, body);
  const pr = payload.pull_request;
  if (pr.number === 0) pr.number = pullRequestNumberOf(body.number);
  return payload;
}

export function sanitizeNotePayload(body: JsonRecord): GiteeNotePayload {
  return readFields(notePayloadShape, body);
}
