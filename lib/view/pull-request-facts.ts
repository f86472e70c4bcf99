import { labelSpans, type EventOf } from './spans';
import { MAX_LIST, word, type Fact, type Person, type Span } from './event-view';
import type { LocaleText, PullRequestHeadline } from './locales/locale-text';
import { peopleSpans } from './people';
import { countOf } from './payload-values';

export interface PullRequestPeople {
  author: Person | null;
  reviewers: Person[];
  testers: Person[];
}

/** What a reader of each pull request message needs besides the headline. */
export function pullRequestFacts(
  event: EventOf<'pull_request'>,
  key: PullRequestHeadline,
  people: PullRequestPeople,
  actor: Person | null,
  t: LocaleText,
): Fact[] {
  const facts: Fact[] = [];
  const reviewers = key === 'open' || key === 'assign' || key === 'source_branch_changed';
  if (reviewers && people.reviewers.length > 0) {
    facts.push({ label: t.pullRequest.reviewers, value: list(people.reviewers, t) });
  }
  if ((key === 'open' || key === 'test') && people.testers.length > 0) {
    facts.push({ label: t.pullRequest.testers, value: list(people.testers, t) });
  }
  const labels = labelSpans(event.payload.pull_request.labels, t.listSeparator);
  if (key === 'update_label' || (key === 'open' && labels.length > 0)) {
    facts.push({ label: t.pullRequest.labels, value: labels.length > 0 ? labels : [word(t.none)] });
  }
  if (key === 'open' || key === 'source_branch_changed') {
    const changes = changeSpans(event, t);
    if (changes.length > 0) facts.push({ label: t.pullRequest.changes, value: changes });
  }
  const judged = key === 'merge' || key === 'close' || key === 'approved' || key === 'tested';
  if (judged && people.author && !samePerson(people.author, actor)) {
    facts.push({ label: t.pullRequest.author, value: list([people.author], t) });
  }
  return facts;
}

function list(people: readonly Person[], t: LocaleText): Span[] {
  const spans = peopleSpans(people.slice(0, MAX_LIST), t.listSeparator);
  return people.length > MAX_LIST ? [...spans, word('…')] : spans;
}

/** "1 个提交 · 1 个文件 · +1 −0" from whichever counts Gitee sent. */
function changeSpans(event: EventOf<'pull_request'>, t: LocaleText): Span[] {
  const pr = event.payload.pull_request;
  const commits = countOf(pr.commits);
  const files = countOf(pr.changed_files);
  const additions = countOf(pr.additions);
  const deletions = countOf(pr.deletions);
  const parts = [
    commits === null ? null : t.pullRequest.commits(commits),
    files === null ? null : t.pullRequest.files(files),
    additions === null || deletions === null ? null : `+${additions} −${deletions}`,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? [word(parts.join(t.separator))] : [];
}

function samePerson(a: Person, b: Person | null): boolean {
  return (
    b !== null &&
    (a.login && b.login ? a.login.toLowerCase() === b.login.toLowerCase() : a.name === b.name)
  );
}
