import type { EventKind, GiteeEvent, ParsedDelivery } from '../gitee/event';
import type { GiteeCommit, GiteeIssue, GiteePullRequest } from '../gitee/payloads';
import { cutLine, firstLine, cutText } from './cut-text';
import { compareUrl } from './describe-push';
import type { EventView } from './event-view';
import { formatTime } from './format-time';
import { commitUrl, pageUrl, repositoryPage } from './gitee-links';
import { refName, shortSha } from './git-refs';
import type { LocaleText } from './locales/locale-text';
import { firstPerson, personOf, uniquePeople } from './people';
import { countOf, fieldOf, listOf, textOf } from './payload-values';
import { plainExcerpt } from './plain-excerpt';

/**
 * The documented template fields (issue 12, "Settings (contract)"): what an operator's Liquid
 * template may read, built once when the event is described and carried in the view as plain
 * JSON (it travels in queue messages). Never a raw Gitee field, so never `password` or `sign`.
 * A part that does not apply is null (an empty object would be truthy in Liquid), a string
 * defaults to "" and a list to []. User text is one tidy line, cut to a length a message
 * can show, so the view stays small; links are built on the repository address vetted
 * against links.giteeHosts, like every link of the view. lib/templates/field-list.ts
 * documents each field; the render step adds `more_commits`, `summary` and `words`.
 */
export interface FieldPerson {
  name: string;
  /** "" when the payload has no login (a commit made in the web UI). */
  login: string;
}

export interface FieldCommit {
  id: string;
  short_id: string;
  title: string;
  url: string;
  author: string;
  author_login: string;
  /** The commit's time in the robot's time zone, "2021-10-08 17:53"; "" when unknown. */
  time: string;
}

export interface FieldIssue {
  /** A string such as "I4CYEO". */
  number: string;
  title: string;
  url: string;
  state: string;
  labels: string[];
  assignee: FieldPerson | null;
  author: FieldPerson | null;
  milestone: string;
  excerpt: string;
}

export interface FieldPullRequest {
  number: number | null;
  title: string;
  url: string;
  source_branch: string;
  target_branch: string;
  state: string;
  merged: boolean;
  labels: string[];
  author: FieldPerson | null;
  reviewers: FieldPerson[];
  testers: FieldPerson[];
  commit_count: number | null;
  changed_files: number | null;
  additions: number | null;
  deletions: number | null;
  excerpt: string;
}

export interface FieldComment {
  excerpt: string;
  url: string;
  target: 'issue' | 'pull_request' | 'commit' | 'repository';
}

export interface TemplateFields {
  event: EventKind;
  action: string;
  actor: FieldPerson;
  repository: { name: string; full_name: string; url: string };
  url: string;
  branch: string;
  tag: string;
  compare_url: string;
  /** At most MAX_COMMITS, oldest first as Gitee sends them; the render step caps them again. */
  commits: FieldCommit[];
  total_commits: number;
  authors: string[];
  head_commit: FieldCommit | null;
  /** When Gitee sent the event, ISO 8601 (for the `date` filter); "" when unknown. */
  timestamp: string;
  time: string;
  issue: FieldIssue | null;
  pull_request: FieldPullRequest | null;
  comment: FieldComment | null;
}

/** No robot lists more (the renderers' MAX_COMMITS_CAP), and the queue message stays small. */
const MAX_COMMITS = 50;
/** Longest user text kept, in characters: a little over what a built-in message shows. */
const LIMIT = { name: 64, ref: 128, title: 128, label: 30, list: 20, excerpt: 200 } as const;

interface FieldsContext {
  t: LocaleText;
  timezone: string;
}

/** The fields of an event, or null for the Test ping (never templated). */
export function templateFields(
  delivery: ParsedDelivery,
  view: EventView,
  ctx: FieldsContext,
): TemplateFields | null {
  if (delivery.kind === 'ping') return null;
  const event = delivery;
  const payload: unknown = event.payload;
  const actor =
    event.kind === 'comment'
      ? firstPerson(event.payload.comment.user, fieldOf(payload, 'sender'), event.payload.author)
      : firstPerson(
          fieldOf(payload, 'sender'),
          fieldOf(payload, 'pusher'),
          fieldOf(payload, 'updated_by'),
          fieldOf(payload, 'user'),
        );
  const ref = refName(fieldOf(payload, 'ref')) ?? '';
  const isPush = event.kind === 'push' || event.kind === 'tag_push';
  const all = isPush ? listOf<GiteeCommit>(fieldOf(payload, 'commits')) : [];
  const real = all.filter((one) => textOf(one?.id));
  // A body may list thousands: only those a template can show are read.
  const commits = real.slice(0, MAX_COMMITS).map((one) => commitOf(event, one, ctx));
  const pr = pullRequestOf(event);
  return {
    event: event.kind,
    action: event.action,
    actor: actor ? fieldPerson(actor) : { name: ctx.t.someone, login: '' },
    repository: {
      name: line(textOf(fieldOf(fieldOf(payload, 'repository'), 'name')) ?? event.repository.name),
      full_name: event.repository.path,
      url: event.repository.url,
    },
    url: view.links[0]?.url ?? event.repository.url,
    branch: event.kind === 'push' ? line(ref, LIMIT.ref) : (pr?.target_branch ?? ''),
    tag: event.kind === 'tag_push' ? line(ref, LIMIT.ref) : '',
    compare_url: event.kind === 'push' ? (compareUrl(event) ?? '') : '',
    commits,
    total_commits: Math.max(countOf(fieldOf(payload, 'total_commits_count')) ?? 0, real.length),
    authors: [...new Set(commits.map((one) => one.author).filter(Boolean))].slice(0, LIMIT.list),
    head_commit: isPush ? headCommit(event, ctx) : null,
    timestamp: isoTime(event.timestamp),
    time: formatTime(event.timestamp, ctx.timezone) ?? '',
    issue: issueOf(event),
    pull_request: pr,
    comment: event.kind === 'comment' ? commentOf(event) : null,
  };
}

function line(text: string | null | undefined, max: number = LIMIT.name): string {
  return cutLine(text, max);
}

function fieldPerson(one: { name: string; login: string | null }): FieldPerson {
  return { name: line(one.name), login: line(one.login) };
}

function personField(value: unknown): FieldPerson | null {
  const one = personOf(value);
  return one ? fieldPerson(one) : null;
}

function commitOf(event: GiteeEvent, commit: unknown, ctx: FieldsContext): FieldCommit {
  const id = textOf(fieldOf(commit, 'id'))?.trim() ?? '';
  const author = personOf(fieldOf(commit, 'author')) ?? personOf(fieldOf(commit, 'committer'));
  return {
    id,
    short_id: shortSha(id),
    title: cutText(firstLine(textOf(fieldOf(commit, 'message'))), LIMIT.title),
    url: (id && commitUrl(event.repository, id)) || '',
    author: line(author?.name),
    author_login: line(author?.login),
    time: formatTime(fieldOf(commit, 'timestamp'), ctx.timezone) ?? '',
  };
}

function headCommit(event: GiteeEvent, ctx: FieldsContext): FieldCommit | null {
  const head = fieldOf(event.payload, 'head_commit');
  return textOf(fieldOf(head, 'id')) ? commitOf(event, head, ctx) : null;
}

function isoTime(timestamp: string): string {
  const instant = new Date(/^\d+$/.test(timestamp) ? Number(timestamp) : timestamp);
  return timestamp !== '' && !Number.isNaN(instant.getTime()) ? instant.toISOString() : '';
}

function labelNames(labels: unknown): string[] {
  return listOf<unknown>(labels)
    .map((label) => textOf(fieldOf(label, 'name')))
    .filter((name): name is string => name !== null)
    .slice(0, LIMIT.list)
    .map((name) => line(name, LIMIT.label));
}

/** The issue of an issue event, or the issue a comment is on. */
function issueOf(event: GiteeEvent): FieldIssue | null {
  const onComment = event.kind === 'comment' && textOf(event.payload.noteable_type) === 'Issue';
  const issue: GiteeIssue | null | undefined =
    event.kind === 'issue' ? event.payload.issue : onComment ? event.payload.issue : null;
  if (!issue) return null;
  const number = textOf(issue.number) ?? '';
  const payload: unknown = event.payload;
  const url =
    repositoryPage(event.repository, issue.html_url) ??
    (event.kind === 'issue' ? repositoryPage(event.repository, fieldOf(payload, 'url')) : null) ??
    (number ? pageUrl(event.repository, 'issues', number) : null);
  const milestone =
    textOf(fieldOf(payload, 'milestone')) ?? textOf(fieldOf(issue.milestone, 'title'));
  return {
    number: line(number, LIMIT.ref),
    title: line(issue.title, LIMIT.title),
    url: url ?? '',
    state: line(textOf(issue.state) ?? textOf(fieldOf(payload, 'state')), LIMIT.label),
    labels: labelNames(issue.labels),
    assignee: personField(issue.assignee) ?? personField(fieldOf(payload, 'assignee')),
    author: personField(issue.user),
    milestone: line(milestone, LIMIT.label),
    excerpt: plainExcerpt(issue.body, LIMIT.excerpt),
  };
}

/** The pull request of a pull request event, or the one a comment is on. */
function pullRequestOf(event: GiteeEvent): FieldPullRequest | null {
  const onComment =
    event.kind === 'comment' && textOf(event.payload.noteable_type) === 'PullRequest';
  const pr: GiteePullRequest | null | undefined =
    event.kind === 'pull_request'
      ? event.payload.pull_request
      : onComment
        ? event.payload.pull_request
        : null;
  if (!pr) return null;
  const payload: unknown = event.payload;
  const own = event.kind === 'pull_request';
  const number = typeof pr.number === 'number' && Number.isFinite(pr.number) ? pr.number : null;
  const url =
    repositoryPage(event.repository, pr.html_url) ??
    (own ? repositoryPage(event.repository, fieldOf(payload, 'url')) : null) ??
    (number === null ? null : pageUrl(event.repository, 'pulls', String(number)));
  const branch = (side: 'head' | 'base', key: string) =>
    line(
      textOf(fieldOf(pr[side], 'ref')) ?? (own ? textOf(fieldOf(payload, key)) : null),
      LIMIT.ref,
    );
  return {
    number,
    title: line(textOf(pr.title) ?? (own ? textOf(fieldOf(payload, 'title')) : null), LIMIT.title),
    url: url ?? '',
    source_branch: branch('head', 'source_branch'),
    target_branch: branch('base', 'target_branch'),
    state: line(pr.state, LIMIT.label),
    merged: pr.merged === true || (own && event.action === 'merge'),
    labels: labelNames(pr.labels),
    author: personField(pr.user) ?? (own ? personField(fieldOf(payload, 'author')) : null),
    reviewers: uniquePeople(listOf(pr.assignees)).slice(0, LIMIT.list).map(fieldPerson),
    testers: uniquePeople(listOf(pr.testers)).slice(0, LIMIT.list).map(fieldPerson),
    commit_count: countOf(pr.commits),
    changed_files: countOf(pr.changed_files),
    additions: countOf(pr.additions),
    deletions: countOf(pr.deletions),
    excerpt: plainExcerpt(
      textOf(pr.body) ?? (own ? textOf(fieldOf(payload, 'body')) : null),
      LIMIT.excerpt,
    ),
  };
}

const TARGETS: Readonly<Record<string, FieldComment['target']>> = {
  Issue: 'issue',
  PullRequest: 'pull_request',
  Commit: 'commit',
};

function commentOf(event: Extract<GiteeEvent, { kind: 'comment' }>): FieldComment {
  const { payload, repository } = event;
  const type = textOf(payload.noteable_type) ?? '';
  const url =
    repositoryPage(repository, payload.comment.html_url) ?? repositoryPage(repository, payload.url);
  return {
    excerpt: plainExcerpt(textOf(payload.comment.body) ?? textOf(payload.note), LIMIT.excerpt),
    url: url ?? '',
    target: Object.hasOwn(TARGETS, type) ? TARGETS[type]! : 'repository',
  };
}
