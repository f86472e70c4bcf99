import type { GiteeCommit, GiteePushPayload } from '../gitee/payloads';
import { commitFact, commitItem, shaSpans } from './commit-spans';
import {
  aboutDelivery,
  joinSpans,
  pageLinks,
  repositoryLink,
  repositoryShortName,
  type DescribeContext,
  type EventOf,
} from './spans';
import { describeGeneric } from './describe-generic';
import {
  MAX,
  emptyView,
  link,
  user,
  word,
  type EventView,
  type Person,
  type Span,
} from './event-view';
import { fillTemplate } from './fill-template';
import { commitUrl, pageUrl, treeUrl } from './gitee-links';
import { isZeroSha, refName } from './git-refs';
import { actorSpan, firstPerson } from './people';
import { countOf, listOf, textOf } from './payload-values';

/** Gitee sends at most a handful of commits per push; anything beyond this is not a summary. */
const MAX_ITEMS = 100;

/**
 * A push to a branch: new commits, a branch created (`commits: null`, zero `before`) or a
 * branch deleted (`head_commit: null`, zero `after`); protocol notes §3.2.
 */
export function describePush(event: EventOf<'push'>, ctx: DescribeContext): EventView {
  const branch = refName(event.payload.ref);
  // The IM-robot variant (protocol notes §1.5) carries no ref: say only that something came.
  if (!branch) return describeGeneric(event, ctx);
  if (event.action === 'create') return describeCreated(event, branch, ctx);
  if (event.action === 'delete') return describeDeleted(event, branch, ctx);
  return describeCommits(event, branch, ctx);
}

export function pushActor(payload: GiteePushPayload): Person | null {
  const name = textOf(payload.user_name);
  return (
    firstPerson(payload.sender, payload.pusher, payload.user) ??
    (name ? { login: null, name } : null)
  );
}

function describeCommits(event: EventOf<'push'>, branch: string, ctx: DescribeContext) {
  const { payload, repository } = event;
  const commits = listOf<GiteeCommit>(payload.commits).filter((commit) => textOf(commit?.id));
  const total = Math.max(countOf(payload.total_commits_count) ?? 0, commits.length);
  const template = total > 0 ? ctx.t.push.commits(total) : ctx.t.push.branchUpdated;
  const view = emptyView(headline(event, template, branch, ctx), aboutDelivery(event, ctx.t));
  view.context = context(event, branch, true, ctx);
  view.items = commits.slice(0, MAX_ITEMS).map((commit) => commitItem(repository, commit, ctx));
  view.itemTotal = total;
  const only = commits.length === 1 ? textOf(commits[0]?.id) : null;
  view.links = pageLinks([
    [ctx.t.links.compare, compareUrl(event)],
    [ctx.t.links.commit, only && commitUrl(repository, only)],
    [ctx.t.links.branch, treeUrl(repository, branch)],
  ]).slice(0, 1);
  return view;
}

function describeCreated(event: EventOf<'push'>, branch: string, ctx: DescribeContext) {
  const view = emptyView(
    headline(event, ctx.t.push.branchCreated, branch, ctx),
    aboutDelivery(event, ctx.t),
  );
  view.context = context(event, branch, true, ctx);
  const head = commitFact(event.repository, event.payload.head_commit, ctx);
  if (head.length > 0) view.facts.push({ label: ctx.t.push.headCommit, value: head });
  view.links = pageLinks([[ctx.t.links.branch, treeUrl(event.repository, branch)]]);
  return view;
}

function describeDeleted(event: EventOf<'push'>, branch: string, ctx: DescribeContext) {
  const view = emptyView(
    headline(event, ctx.t.push.branchDeleted, branch, ctx),
    aboutDelivery(event, ctx.t),
  );
  view.context = context(event, branch, false, ctx);
  const before = textOf(event.payload.before);
  // Where the branch pointed lets someone restore it.
  if (before && !isZeroSha(before)) {
    view.facts.push({ label: ctx.t.push.lastCommit, value: shaSpans(event.repository, before) });
  }
  view.links = pageLinks([[ctx.t.links.branches, pageUrl(event.repository, 'branches')]]);
  return view;
}

function headline(event: EventOf<'push'>, template: string, branch: string, ctx: DescribeContext) {
  return fillTemplate(template, {
    actor: actorSpan(pushActor(event.payload), ctx.t.someone),
    repo: repositoryShortName(event),
    branch: user(branch, MAX.ref),
  });
}

function context(event: EventOf<'push'>, branch: string, linked: boolean, ctx: DescribeContext) {
  const name = user(branch, MAX.ref);
  const branchSpans: Span[] = [
    word(`${ctx.t.push.branch} `),
    ...(linked ? link(name, treeUrl(event.repository, branch)) : [name]),
  ];
  return joinSpans([repositoryLink(event), branchSpans], ctx.t.separator);
}

/** The compare view, only when both ends are real commits (never with a zero SHA). */
export function compareUrl(event: EventOf<'push'>): string | null {
  const before = textOf(event.payload.before)?.trim();
  const after = textOf(event.payload.after)?.trim();
  if (!before || !after || isZeroSha(before) || isZeroSha(after)) return null;
  if (!/^[0-9a-f]+$/i.test(before + after)) return null;
  return pageUrl(event.repository, 'compare', `${before}...${after}`);
}
