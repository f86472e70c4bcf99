import { envelope, giteeUser, REPO_URL, sha, type Payload } from './common';
import { issuePayload } from './issue';
import { pullRequestPayload } from './pull-request';

export interface NoteOptions {
  action?: string;
  body?: string;
  /** With no html_url the formatter must build the `#note_…` link itself. */
  withHtmlUrl?: boolean;
}

function note(noteableType: string, targetUrl: string | null, options: NoteOptions): Payload {
  const body = options.body ?? 'Looks good to me.';
  const htmlUrl = targetUrl && options.withHtmlUrl !== false ? `${targetUrl}#note_777` : null;
  return {
    ...envelope('note_hooks'),
    action: options.action ?? 'comment',
    comment: { id: 777, body, html_url: htmlUrl, user: giteeUser('alice', 'Alice 王') },
    note: body,
    noteable_type: noteableType,
    url: htmlUrl,
    title: null,
    per_iid: null,
    short_commit_id: null,
    issue: null,
    pull_request: null,
    author: giteeUser('alice', 'Alice 王'),
  };
}

export function issueNote(options: NoteOptions = {}): Payload {
  const issue = issuePayload().issue as Payload;
  return {
    ...note('Issue', `${REPO_URL}/issues/I4ABCD`, options),
    issue,
    title: issue.title,
    per_iid: '#I4ABCD',
  };
}

export function pullRequestNote(options: NoteOptions = {}): Payload {
  const pr = pullRequestPayload().pull_request as Payload;
  return {
    ...note('PullRequest', `${REPO_URL}/pulls/12`, options),
    pull_request: pr,
    title: pr.title,
    per_iid: '!12',
  };
}

/**
 * A comment on a commit: no real modern capture exists (protocol notes §3.6, §7). Gitee sets
 * `short_commit_id`; `comment.commit_id` is documented for commit comments and may be absent.
 */
export function commitNote(options: NoteOptions & { fullCommitId?: boolean } = {}): Payload {
  const id = sha('b');
  const payload = note('Commit', `${REPO_URL}/commit/${id}`, options);
  const comment = payload.comment as Payload;
  return {
    ...payload,
    short_commit_id: id.slice(0, 8),
    comment: options.fullCommitId === false ? comment : { ...comment, commit_id: id },
  };
}

/** A comment on the repository itself ("Comment" per the docs; no capture exists). */
export function repositoryNote(options: NoteOptions = {}): Payload {
  return note('Comment', null, options);
}
