import type { RepositoryRef } from '../gitee/event';
import type { GiteeCommit } from '../gitee/payloads';
import { firstLine } from './cut-text';
import { type DescribeContext } from './spans';
import { MAX, link, user, word, type Span } from './event-view';
import { fillTemplate } from './fill-template';
import { formatTime } from './format-time';
import { commitUrl } from './gitee-links';
import { shortSha } from './git-refs';
import { personOf } from './people';
import { fieldOf, textOf } from './payload-values';

/** "9921e45": the short SHA, linked to the commit page. */
export function shaSpans(repository: RepositoryRef, sha: string): Span[] {
  return link(user(shortSha(sha), MAX.sha), commitUrl(repository, sha.trim()));
}

/** A pushed commit: short SHA, first line of the message, and who wrote it. */
export function commitItem(repository: RepositoryRef, commit: GiteeCommit, ctx: DescribeContext) {
  const sha = textOf(commit.id) ?? '';
  const message = firstLine(commit.message);
  const messageSpan = message ? user(message, MAX.message) : word(ctx.t.noMessage);
  const author = personOf(commit.author) ?? personOf(commit.committer);
  const line = author
    ? fillTemplate(ctx.t.push.commitLine, {
        message: messageSpan,
        author: user(author.name, MAX.name),
      })
    : [messageSpan];
  return sha ? [...shaSpans(repository, sha), word(' '), ...line] : line;
}

/** A single commit as a fact: short SHA, subject, and when it was written, in the timezone. */
export function commitFact(repository: RepositoryRef, commit: unknown, ctx: DescribeContext) {
  const sha = textOf(fieldOf(commit, 'id'));
  if (!sha) return [];
  const message = firstLine(textOf(fieldOf(commit, 'message')));
  const time = formatTime(fieldOf(commit, 'timestamp'), ctx.timezone);
  return [
    ...shaSpans(repository, sha),
    ...(message ? [word(' '), user(message, MAX.message)] : []),
    ...(time ? [word(ctx.t.separator), word(time)] : []),
  ];
}
