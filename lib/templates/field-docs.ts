import { LINK_WORDS, TEMPLATE_FIELDS, type FieldSpec } from './field-list';
import { zhCN } from '../view/locales/zh-CN';

/**
 * What each template field means, with a value as a template prints it (a real fixture's,
 * where one exists): the README's field table (field-table.ts) and the editor's docs.
 * Docs only: nothing the relay runs imports this, so the Lambda bundles stay free of it.
 * Keyed by the path in field-list.ts; documentedFields() refuses a field without its entry.
 */
export interface FieldDoc extends FieldSpec {
  description: string;
  example: string;
}

type Doc = readonly [description: string, example: string];

const linkDocs = Object.fromEntries(
  Object.entries(LINK_WORDS).map(([name, key]): [string, Doc] => [
    `words.links.${name}`,
    [`The label of a link to the ${name.replace('_', ' ')}`, zhCN.links[key]],
  ]),
);

// prettier-ignore
const DOCS: Readonly<Record<string, Doc>> = {
  "event": ["push, tag_push, issue, pull_request or comment", "push"],
  "action": ["The action as routes name it (push: push, create, delete; pull_request: open, merge, …)", "merge"],
  "summary": ["The built-in message's one-line headline", "kit101 pushed 1 commit to feat-2-1 in drone-yml-test"],
  "actor": ["Who did it (the locale's \"someone\" when Gitee names nobody)", ""],
  "actor.name": ["Who did it: display name", "kit101"],
  "actor.login": ["Who did it: Gitee login, or \"\"", "kit101"],
  "repository": ["The repository", ""],
  "repository.name": ["Gitee's name (the display name)", "drone-yml-test"],
  "repository.full_name": ["namespace/path", "kit101/drone-yml-test"],
  "repository.url": ["The repository page", "https://gitee.com/kit101/drone-yml-test"],
  "url": ["The Gitee page the event is about", "https://gitee.com/kit101/drone-yml-test/pulls/9"],
  "branch": ["push: the branch; pull_request (and a comment on one): the target branch", "feat-2-1"],
  "tag": ["tag_push: the tag", "v1.0.0"],
  "compare_url": ["push: the compare page (\"\" for a new or deleted branch)", "https://gitee.com/kit101/drone-yml-test/compare/6168d9d…9921e45"],
  "commits": ["push: the commits listed, at most the robot's maxCommits, oldest first", ""],
  "commits[].id": ["Full SHA", "9921e45e570db8e57e544650baf837932fb2100f"],
  "commits[].short_id": ["First 7 characters of the SHA", "9921e45"],
  "commits[].title": ["First line of the message, at most 128 characters", "fix: login redirect"],
  "commits[].url": ["The commit page", "https://gitee.com/kit101/drone-yml-test/commit/9921e45…"],
  "commits[].author": ["Author's display name", "kit101"],
  "commits[].author_login": ["Author's Gitee login, or \"\" (web-UI commits)", "kit101"],
  "commits[].time": ["Commit time in the robot's time zone", "2021-10-08 17:53"],
  "total_commits": ["push: how many commits the push holds", "7"],
  "more_commits": ["total_commits minus the commits listed", "2"],
  "authors": ["push: the authors of the commits Gitee lists (at most 50), each once", "Li Si, Wang Wu"],
  "head_commit": ["push, tag_push: the newest (tagged) commit", ""],
  "head_commit.id": ["Full SHA", "9921e45e570db8e57e544650baf837932fb2100f"],
  "head_commit.short_id": ["First 7 characters of the SHA", "9921e45"],
  "head_commit.title": ["First line of the message, at most 128 characters", "fix: login redirect"],
  "head_commit.url": ["The commit page", "https://gitee.com/kit101/drone-yml-test/commit/9921e45…"],
  "head_commit.author": ["Author's display name", "kit101"],
  "head_commit.author_login": ["Author's Gitee login, or \"\" (web-UI commits)", "kit101"],
  "head_commit.time": ["Commit time in the robot's time zone", "2021-10-08 17:53"],
  "timestamp": ["When Gitee sent the event, ISO 8601 (for the date filter)", "2021-10-08T09:53:19.688Z"],
  "time": ["The same in the robot's time zone", "2021-10-08 17:53"],
  "issue": ["issue, and a comment on an issue", ""],
  "issue.number": ["The issue number, a string", "I4CYEO"],
  "issue.title": ["Title, at most 128 characters", "create by api"],
  "issue.url": ["The issue page", "https://gitee.com/kit101/drone-yml-test/issues/I4CF12"],
  "issue.state": ["Gitee's state: open, progressing, closed, rejected", "open"],
  "issue.labels": ["Label names", "bug"],
  "issue.assignee": ["Who it is assigned to", ""],
  "issue.assignee.name": ["Assignee: display name", "kit101"],
  "issue.assignee.login": ["Assignee: Gitee login, or \"\"", "kit101"],
  "issue.author": ["Who opened it", ""],
  "issue.author.name": ["Author: display name", "kit101"],
  "issue.author.login": ["Author: Gitee login, or \"\"", "kit101"],
  "issue.milestone": ["Milestone title", "beta1.0"],
  "issue.excerpt": ["The body as one line of prose, at most 200 characters", "create by api body"],
  "pull_request": ["pull_request, and a comment on one", ""],
  "pull_request.number": ["The pull request number", "9"],
  "pull_request.title": ["Title, at most 128 characters", "feat-3"],
  "pull_request.url": ["The pull request page", "https://gitee.com/kit101/drone-yml-test/pulls/9"],
  "pull_request.source_branch": ["Source branch", "feat-3"],
  "pull_request.target_branch": ["Target branch", "master"],
  "pull_request.state": ["Gitee's state: open, merged, closed", "open"],
  "pull_request.merged": ["Whether it is merged", "false"],
  "pull_request.labels": ["Label names", "enhancement"],
  "pull_request.author": ["Who opened it", ""],
  "pull_request.author.name": ["Author: display name", "kit101"],
  "pull_request.author.login": ["Author: Gitee login, or \"\"", "kit101"],
  "pull_request.reviewers": ["Reviewers", ""],
  "pull_request.reviewers[].name": ["Reviewer: display name", "kit101"],
  "pull_request.reviewers[].login": ["Reviewer: Gitee login, or \"\"", "kit101"],
  "pull_request.testers": ["Testers", ""],
  "pull_request.testers[].name": ["Tester: display name", "kit101"],
  "pull_request.testers[].login": ["Tester: Gitee login, or \"\"", "kit101"],
  "pull_request.commit_count": ["Commits in it", "1"],
  "pull_request.changed_files": ["Files changed", "1"],
  "pull_request.additions": ["Lines added", "1"],
  "pull_request.deletions": ["Lines deleted", "0"],
  "pull_request.excerpt": ["The body as one line of prose, at most 200 characters", "feat-3"],
  "comment": ["comment", ""],
  "comment.excerpt": ["The comment as one line of prose, at most 200 characters", "test issue comment hook"],
  "comment.url": ["The comment itself", "https://gitee.com/kit101/drone-yml-test/issues/I4CF12#note_6933558"],
  "comment.target": ["What it is on: issue, pull_request, commit or repository", "issue"],
  "words": ["The robot's locale's words", ""],
  "words.event": ["The event's name", "推送"],
  "words.more_commits": ["\"…and N more commits\", or \"\" when none are left out", "…还有 2 个提交"],
  "words.separator": ["Between facts on one line", " · "],
  "words.list_separator": ["Between names in a list (for join)", "、"],
  "words.colon": ["Between a label and its value", "："],
  "words.none": ["The word for \"none\"", "无"],
  "words.links": ["Link labels", ""],
  ...linkDocs,
};

/** Every field with its description and example, in the field list's order. */
export function documentedFields(): FieldDoc[] {
  return TEMPLATE_FIELDS.map((field) => {
    const doc = Object.hasOwn(DOCS, field.path) ? DOCS[field.path] : undefined;
    if (doc === undefined) throw new Error(`template field ${field.path} has no documentation`);
    return { ...field, description: doc[0], example: doc[1] };
  });
}

/** Documented paths the field list no longer has (a test keeps this empty). */
export function staleFieldDocs(): string[] {
  const paths = new Set(TEMPLATE_FIELDS.map((field) => field.path));
  return Object.keys(DOCS).filter((path) => !paths.has(path));
}
