import {
  aboutDelivery,
  joinSpans,
  pageLinks,
  pullRequestRef,
  repositoryLink,
  repositoryShortName,
  type DescribeContext,
  type EventOf,
} from './spans';
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
import { fillTemplate, withTitle } from './fill-template';
import { pageUrl, repositoryPage, sameHost, treeUrl } from './gitee-links';
import type { PullRequestHeadline } from './locales/locale-text';
import { actorSpan, firstPerson, othersThan, personOf, uniquePeople } from './people';
import { fieldOf, listOf, textOf } from './payload-values';
import { pullRequestFacts, type PullRequestPeople } from './pull-request-facts';

const PLAIN_ACTIONS: ReadonlySet<string> = new Set<PullRequestHeadline>([
  'open',
  'merge',
  'close',
  'reopen',
  'approved',
  'tested',
  'test',
  'assign',
]);
/** Under `update`, `action_desc` says what changed; elsewhere it is noise (protocol notes §3.5). */
const UPDATES: ReadonlySet<string> = new Set<PullRequestHeadline>([
  'source_branch_changed',
  'target_branch_changed',
  'update_label',
]);

/**
 * A pull request opened, updated (new commits, target branch, labels), merged, closed without
 * merging, reopened, approved, tested or assigned. There is no `merged_by`: the actor is the
 * sender (protocol notes §3.5). Pull request numbers are numbers, shown Gitee's way: "!9".
 */
export function describePullRequest(
  event: EventOf<'pull_request'>,
  ctx: DescribeContext,
): EventView {
  const { payload } = event;
  const { t } = ctx;
  const pr = payload.pull_request;
  const key = headlineKey(event.action, textOf(payload.action_desc));
  const ref = pullRequestRef(pr.number);
  const url = pullRequestUrl(event);
  const actor = firstPerson(payload.sender, payload.updated_by);
  const target = textOf(fieldOf(pr.base, 'ref')) ?? textOf(payload.target_branch);
  const headline = fillTemplate(t.pullRequest.actions[key], {
    actor: actorSpan(actor, t.someone),
    repo: repositoryShortName(event),
    ref,
    target: user(target ?? t.none, MAX.ref),
  });
  const view = emptyView(
    withTitle(headline, t.colon, textOf(pr.title) ?? textOf(fieldOf(payload, 'title'))),
    aboutDelivery(event, t),
  );
  view.context = joinSpans(
    [repositoryLink(event), link(ref, url), branches(event, target, ctx)],
    t.separator,
  );
  const people = pullRequestPeople(event);
  view.facts = pullRequestFacts(event, key, people, actor, t);
  if (key === 'open') view.excerpt = textOf(pr.body) ?? textOf(fieldOf(payload, 'body'));
  view.links = pageLinks([
    [t.links.pullRequest, url],
    [t.links.files, key === 'open' && url ? `${url}/files` : null],
    [t.links.commits, key === 'source_branch_changed' && url ? `${url}/commits` : null],
  ]);
  view.mentions = othersThan(mentioned(key, people), actor);
  return view;
}

function pullRequestUrl({ payload, repository }: EventOf<'pull_request'>): string | null {
  return (
    repositoryPage(repository, payload.pull_request.html_url) ??
    repositoryPage(repository, payload.url) ??
    pageUrl(repository, 'pulls', String(payload.pull_request.number))
  );
}

function pullRequestPeople(event: EventOf<'pull_request'>): PullRequestPeople {
  const pr = event.payload.pull_request;
  return {
    author: personOf(pr.user) ?? personOf(event.payload.author),
    reviewers: uniquePeople(listOf(pr.assignees)),
    testers: uniquePeople(listOf(pr.testers)),
  };
}

/**
 * Issue 4, "Mentions"; extended to assign/test (the reviewers/testers just asked to act) and
 * approved/tested (the author whose work was judged).
 */
function mentioned(key: PullRequestHeadline, people: PullRequestPeople): Person[] {
  const author = people.author ? [people.author] : [];
  switch (key) {
    case 'open':
      return uniquePeople([...people.reviewers, ...people.testers]);
    case 'source_branch_changed':
    case 'assign':
      return people.reviewers;
    case 'test':
      return people.testers;
    case 'merge':
    case 'close':
    case 'approved':
    case 'tested':
      return author;
    default:
      return [];
  }
}

function headlineKey(action: string, detail: string | null): PullRequestHeadline {
  if (action === 'update')
    return detail && UPDATES.has(detail) ? (detail as PullRequestHeadline) : 'update';
  return PLAIN_ACTIONS.has(action) ? (action as PullRequestHeadline) : 'update';
}

/** "feat-3 → master", each linked to its tree (the source in its own repository when forked). */
function branches(
  event: EventOf<'pull_request'>,
  target: string | null,
  ctx: DescribeContext,
): Span[] {
  const { payload, repository } = event;
  const source = textOf(fieldOf(payload.pull_request.head, 'ref')) ?? textOf(payload.source_branch);
  if (!source || !target) return [];
  // A fork's branch lives in the fork, on the same Gitee host.
  const headUrl = sameHost(
    repository,
    fieldOf(fieldOf(payload.pull_request.head, 'repo'), 'html_url'),
  );
  const headRepository = headUrl ? { ...repository, url: headUrl } : repository;
  return [
    ...link(user(source, MAX.ref), treeUrl(headRepository, source)),
    word(ctx.t.arrow),
    ...link(user(target, MAX.ref), treeUrl(repository, target)),
  ];
}
