import { commitFact, shaSpans } from './commit-spans';
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
import { pushActor } from './describe-push';
import { MAX, emptyView, link, user, word, type EventView } from './event-view';
import { fillTemplate } from './fill-template';
import { commitUrl, pageUrl, treeUrl } from './gitee-links';
import { isZeroSha, refName } from './git-refs';
import { actorSpan } from './people';
import { fieldOf, textOf } from './payload-values';

/**
 * A tag created (`head_commit` = the tagged commit, zero `before` of 40 or 8 zeros) or deleted
 * (zero `after`). Gitee sends no tag message or annotation (protocol notes §3.3).
 */
export function describeTagPush(event: EventOf<'tag_push'>, ctx: DescribeContext): EventView {
  const tag = refName(event.payload.ref);
  if (!tag) return describeGeneric(event, ctx);
  const deleted = event.action === 'delete';
  const { t } = ctx;
  const view = emptyView(
    fillTemplate(deleted ? t.push.tagDeleted : t.push.tagCreated, {
      actor: actorSpan(pushActor(event.payload), t.someone),
      repo: repositoryShortName(event),
      tag: user(tag, MAX.ref),
    }),
    aboutDelivery(event, t),
  );
  const name = user(tag, MAX.ref);
  const tagSpans = deleted ? [name] : link(name, treeUrl(event.repository, tag));
  view.context = joinSpans(
    [repositoryLink(event), [word(`${t.push.tag} `), ...tagSpans]],
    t.separator,
  );
  return deleted ? withDeletedTag(view, event, ctx) : withCreatedTag(view, event, tag, ctx);
}

function withCreatedTag(
  view: EventView,
  event: EventOf<'tag_push'>,
  tag: string,
  ctx: DescribeContext,
) {
  const { payload, repository } = event;
  const commit = commitFact(repository, payload.head_commit, ctx);
  if (commit.length > 0) view.facts.push({ label: ctx.t.push.taggedCommit, value: commit });
  const sha = (textOf(fieldOf(payload.head_commit, 'id')) ?? textOf(payload.after))?.trim();
  view.links = pageLinks([
    [ctx.t.links.tag, treeUrl(repository, tag)],
    [ctx.t.links.commit, sha && !isZeroSha(sha) ? commitUrl(repository, sha) : null],
  ]);
  return view;
}

/** Where the tag pointed lets someone recreate it. */
function withDeletedTag(view: EventView, event: EventOf<'tag_push'>, ctx: DescribeContext) {
  const before = textOf(event.payload.before)?.trim();
  if (before && !isZeroSha(before)) {
    view.facts.push({ label: ctx.t.push.lastCommit, value: shaSpans(event.repository, before) });
  }
  view.links = pageLinks([[ctx.t.links.tags, pageUrl(event.repository, 'tags')]]);
  return view;
}
