import type { GiteeIssue, GiteePullRequest } from '../gitee/payloads';
import {
  aboutDelivery,
  issueRef,
  joinSpans,
  pageLinks,
  pullRequestRef,
  repositoryLink,
  repositoryShortName,
  type DescribeContext,
  type EventOf,
} from './spans';
import { MAX, emptyView, link, user, type EventView, type Person, type Span } from './event-view';
import { fillTemplate, withTitle } from './fill-template';
import { commitUrl, pageUrl, repositoryPage } from './gitee-links';
import { shortSha } from './git-refs';
import { mentionedLogins } from './mentioned-logins';
import { actorSpan, firstPerson, othersThan, personOf } from './people';
import { fieldOf, textOf } from './payload-values';

type TargetKind = 'issue' | 'pullRequest' | 'commit' | 'repository';

interface Target {
  kind: TargetKind;
  ref: Span[] | null;
  url: string | null;
  title: string | null;
  author: Person | null;
}

/**
 * A comment (`comment`, `edited`, `deleted`) on an issue, a pull request, a commit, or the
 * repository itself (`noteable_type` Issue | PullRequest | Commit | anything else), with a link
 * to the comment itself (`…#note_<id>`); protocol notes §3.6.
 */
export function describeComment(event: EventOf<'comment'>, ctx: DescribeContext): EventView {
  const { payload, repository } = event;
  const { t } = ctx;
  const target = targetOf(event);
  const { ref } = target;
  const action = event.action === 'edited' || event.action === 'deleted' ? event.action : 'comment';
  const actor = firstPerson(payload.comment.user, payload.sender, payload.author);
  const targetSpans = fillTemplate(t.comment.targets[target.kind], {
    repo: repositoryShortName(event),
    ref: ref ?? [],
  });
  const headline = fillTemplate(t.comment.actions[action], {
    actor: actorSpan(actor, t.someone),
    target: targetSpans,
  });
  const view = emptyView(withTitle(headline, t.colon, target.title), aboutDelivery(event, t));
  view.context = joinSpans([repositoryLink(event), ref ? link(ref, target.url) : []], t.separator);
  view.excerpt = textOf(payload.comment.body) ?? textOf(payload.note);
  const note = action === 'deleted' ? null : noteUrl(event, target);
  view.links = pageLinks([
    [t.links.comment, note],
    [t.links[target.kind], target.url],
    [t.links.repository, repository.url],
  ]).slice(0, 1);
  if (action !== 'deleted') {
    view.mentions = othersThan(target.author ? [target.author] : [], actor);
    const body = textOf(payload.comment.body) ?? textOf(payload.note);
    view.textMentions = mentionedLogins(body).filter(
      (login) => login.toLowerCase() !== actor?.login?.toLowerCase(),
    );
  }
  return view;
}

/** What was commented on, from `noteable_type`; anything unknown is the repository itself. */
function targetOf(event: EventOf<'comment'>): Target {
  const { payload } = event;
  const type = textOf(payload.noteable_type);
  if (type === 'Issue' && payload.issue) return issueTarget(event, payload.issue);
  if (type === 'PullRequest' && payload.pull_request) {
    return pullRequestTarget(event, payload.pull_request);
  }
  const sha = textOf(payload.comment.commit_id) ?? textOf(payload.short_commit_id);
  if (type === 'Commit' && sha) {
    const ref = [user(shortSha(sha), MAX.sha)];
    return {
      kind: 'commit',
      ref,
      url: commitUrl(event.repository, sha.trim()),
      title: null,
      author: null,
    };
  }
  return { kind: 'repository', ref: null, url: null, title: null, author: null };
}

function issueTarget({ payload, repository }: EventOf<'comment'>, issue: GiteeIssue): Target {
  const number = textOf(issue.number);
  const perIid = textOf(payload.per_iid);
  return {
    kind: 'issue',
    ref: number ? issueRef(number) : perIid ? [user(perIid, MAX.ref)] : null,
    url:
      repositoryPage(repository, issue.html_url) ??
      (number ? pageUrl(repository, 'issues', number) : null),
    title: textOf(issue.title) ?? textOf(payload.title),
    author: personOf(issue.user),
  };
}

function pullRequestTarget(event: EventOf<'comment'>, pr: GiteePullRequest): Target {
  const { payload, repository } = event;
  return {
    kind: 'pullRequest',
    ref: pullRequestRef(pr.number),
    url: repositoryPage(repository, pr.html_url) ?? pageUrl(repository, 'pulls', String(pr.number)),
    title: textOf(pr.title) ?? textOf(payload.title),
    author: personOf(pr.user),
  };
}

/** The comment's own page: Gitee's `#note_…` link, or one built from the target and id. */
function noteUrl(event: EventOf<'comment'>, target: Target): string | null {
  const { payload, repository } = event;
  const given =
    repositoryPage(repository, payload.comment.html_url) ?? repositoryPage(repository, payload.url);
  if (given) return given;
  const id = fieldOf(payload.comment, 'id');
  return target.url && typeof id === 'number' ? `${target.url}#note_${id}` : null;
}
