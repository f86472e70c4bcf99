import type { EventKind } from '../../gitee/event';
import type { Locale } from '../../settings/types';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * Every user-visible word of a message, one table per locale with this same shape.
 * Templates hold placeholders ({actor}, {repo}, {ref}, …) filled by the describers, so word
 * order belongs to the language. Counts are functions because plurals differ.
 */
export interface LocaleText {
  /** Between a headline and the title it names, and between a label and its value. */
  colon: string;
  /** Between names in a list: 、 or ", ". */
  listSeparator: string;
  /** Between facts on one line. */
  separator: string;
  /** Between a pull request's source and target branch. */
  arrow: string;
  /** Around an excerpt in a plain `text` message. */
  quote: readonly [string, string];
  none: string;
  /** When the payload names no actor. */
  someone: string;
  /** Label of the line that lists who is mentioned. */
  cc: string;
  noMessage: string;
  events: Readonly<Record<EventKind, string>>;
  push: {
    commits: (count: number) => string;
    branchUpdated: string;
    branchCreated: string;
    branchDeleted: string;
    tagCreated: string;
    tagDeleted: string;
    moreCommits: (count: number) => string;
    /** "{message} — {author}" */
    commitLine: string;
    branch: string;
    tag: string;
    headCommit: string;
    taggedCommit: string;
    lastCommit: string;
  };
  issue: {
    actions: Readonly<Record<IssueHeadline, string>>;
    states: Readonly<Record<'open' | 'progressing' | 'closed' | 'rejected', string>>;
    /** Zh: Gitee's own localized `state_name` reads better than our table; en: ours. */
    preferGiteeStateName: boolean;
    state: string;
    assignee: string;
    labels: string;
    milestone: string;
  };
  pullRequest: {
    actions: Readonly<Record<PullRequestHeadline, string>>;
    author: string;
    reviewers: string;
    testers: string;
    labels: string;
    changes: string;
    commits: (count: number) => string;
    files: (count: number) => string;
  };
  comment: {
    actions: Readonly<Record<'comment' | 'edited' | 'deleted', string>>;
    targets: Readonly<Record<'issue' | 'pullRequest' | 'commit' | 'repository', string>>;
  };
  ping: { headline: string; note: string };
  generic: { withActor: string; withoutActor: string; action: string };
  /** A digest of queued events (issue 11): several events in one message. */
  digest: {
    /**
     * The title: `count` events, in {repo} (the first repository) and `others` more
     * repositories ("12 events in kit101/app (+2 repos)").
     */
    title: (count: number, others: number) => string;
    /** The last line when events wait for the next digest: "…and 3 more events follow". */
    more: (count: number) => string;
    /** The section of events whose repository the view does not say. */
    unknownRepository: string;
  };
  links: Readonly<Record<LinkName, string>>;
}

export type IssueHeadline =
  | 'open'
  | 'close'
  | 'reopen'
  | 'reject'
  | 'state_change'
  | 'assign'
  | 'unassign'
  | 'delete'
  | 'update';

export type PullRequestHeadline =
  | 'open'
  | 'source_branch_changed'
  | 'target_branch_changed'
  | 'update_label'
  | 'update'
  | 'merge'
  | 'close'
  | 'reopen'
  | 'approved'
  | 'tested'
  | 'test'
  | 'assign';

export type LinkName =
  | 'compare'
  | 'branch'
  | 'branches'
  | 'tag'
  | 'tags'
  | 'commit'
  | 'issue'
  | 'issues'
  | 'pullRequest'
  | 'files'
  | 'commits'
  | 'comment'
  | 'repository'
  | 'hooks'
  | 'gitee';

const TABLES: Readonly<Record<Locale, LocaleText>> = { 'zh-CN': zhCN, en };

/** The table for a locale; zh-CN (the users are Chinese teams) for anything unknown. */
export function localeText(locale: Locale): LocaleText {
  return Object.hasOwn(TABLES, locale) ? TABLES[locale] : zhCN;
}
