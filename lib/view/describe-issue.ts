import type { GiteeIssuePayload } from '../gitee/payloads';
import {
  aboutDelivery,
  issueRef,
  joinSpans,
  labelSpans,
  pageLinks,
  repositoryLink,
  repositoryShortName,
  type DescribeContext,
  type EventOf,
} from './spans';
import {
  MAX,
  emptyView,
  link,
  person,
  user,
  type EventView,
  type Fact,
  type Person,
} from './event-view';
import { fillTemplate, withTitle } from './fill-template';
import { pageUrl, repositoryPage } from './gitee-links';
import type { IssueHeadline, LocaleText } from './locales/locale-text';
import { actorSpan, firstPerson, othersThan, personOf } from './people';
import { fieldOf, textOf } from './payload-values';

const HEADLINES: ReadonlySet<string> = new Set<IssueHeadline>([
  'open',
  'close',
  'reopen',
  'reject',
  'state_change',
  'assign',
  'unassign',
  'delete',
  'update',
]);
/** Actions whose headline already says the state; others show it as a fact. */
const STATE_IN_HEADLINE = new Set(['open', 'close', 'reopen', 'reject', 'state_change', 'delete']);

/**
 * An issue opened, closed, reopened, rejected, moved to another state, (un)assigned, updated
 * or deleted. The parser already refines `state_change` into close/reopen/reject from the
 * new state (lib/gitee/parse.ts); `number` is a string such as "I4CYEO" (protocol notes §3.4).
 */
export function describeIssue(event: EventOf<'issue'>, ctx: DescribeContext): EventView {
  const { payload, repository } = event;
  const { t } = ctx;
  const issue = payload.issue;
  const number = textOf(issue.number);
  const ref = issueRef(number);
  const url = issueUrl(event, number);
  const actor = firstPerson(payload.sender, payload.updated_by, payload.user);
  const assignee = personOf(issue.assignee) ?? personOf(payload.assignee);
  const key = headlineKey(event.action, assignee !== null);
  const headline = fillTemplate(t.issue.actions[key], {
    actor: actorSpan(actor, t.someone),
    repo: repositoryShortName(event),
    ref,
    state: user(stateName(payload, t), MAX.label),
    assignee: assignee ? person(assignee) : user(t.none),
  });
  const view = emptyView(withTitle(headline, t.colon, issue.title), aboutDelivery(event, t));
  const refLink = link(ref, key === 'delete' ? null : url);
  view.context = joinSpans([repositoryLink(event), refLink], t.separator);
  view.facts = facts(event, key, assignee, t);
  if (key === 'open') view.excerpt = textOf(issue.body);
  view.links =
    key === 'delete'
      ? pageLinks([[t.links.issues, pageUrl(repository, 'issues')]])
      : pageLinks([[t.links.issue, url]]);
  const mentionsAssignee = key === 'open' || key === 'assign';
  view.mentions = mentionsAssignee && assignee ? othersThan([assignee], actor) : [];
  return view;
}

function headlineKey(action: string, hasAssignee: boolean): IssueHeadline {
  if (action === 'assign' && !hasAssignee) return 'unassign';
  return HEADLINES.has(action) ? (action as IssueHeadline) : 'update';
}

function facts(
  event: EventOf<'issue'>,
  key: IssueHeadline,
  assignee: Person | null,
  t: LocaleText,
) {
  const { issue } = event.payload;
  const rows: Fact[] = [];
  if (!STATE_IN_HEADLINE.has(key)) {
    rows.push({ label: t.issue.state, value: [user(stateName(event.payload, t), MAX.label)] });
  }
  if (assignee && key !== 'assign')
    rows.push({ label: t.issue.assignee, value: [person(assignee)] });
  const labels = labelSpans(issue.labels, t.listSeparator);
  if (labels.length > 0) rows.push({ label: t.issue.labels, value: labels });
  const milestone =
    textOf(fieldOf(event.payload, 'milestone')) ??
    textOf(fieldOf(fieldOf(issue, 'milestone'), 'title'));
  if (milestone) rows.push({ label: t.issue.milestone, value: [user(milestone, MAX.label)] });
  return rows;
}

/** Zh: Gitee's own `state_name` (custom enterprise states too); en: our word for `state`. */
function stateName(payload: GiteeIssuePayload, t: LocaleText): string {
  const state = textOf(payload.issue.state) ?? textOf(payload.state);
  const known =
    state && Object.hasOwn(t.issue.states, state)
      ? t.issue.states[state as keyof typeof t.issue.states]
      : null;
  const giteeName = textOf(payload.issue.state_name);
  return (
    (t.issue.preferGiteeStateName ? (giteeName ?? known) : (known ?? giteeName)) ?? state ?? t.none
  );
}

function issueUrl(event: EventOf<'issue'>, number: string | null): string | null {
  const { payload, repository } = event;
  return (
    repositoryPage(repository, payload.issue.html_url) ??
    repositoryPage(repository, payload.url) ??
    (number ? pageUrl(repository, 'issues', number) : null)
  );
}
