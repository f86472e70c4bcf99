import type { LinkName } from '../view/locales/locale-text';

/**
 * The template fields a template may read, once: their paths and types, which is all the
 * validator (field-schema.ts) needs at run time. `commits[].title` is the `title` of each
 * entry of `commits`; a type "or nil" is null where it does not apply. What each field means,
 * with an example, is in field-docs.ts, kept out of here so the Lambda bundles do not carry
 * the README's prose. What each event fills is built in lib/view/template-fields.ts
 * (describe time) and lib/templates/render-fields.ts (render time).
 */
export type FieldType =
  | 'string'
  | 'number'
  | 'number or nil'
  | 'boolean'
  | 'object'
  | 'object or nil'
  | 'list of strings'
  | 'list of objects';

export interface FieldSpec {
  path: string;
  type: FieldType;
}

/** `words.links.<name>` → the locale table's link label. */
export const LINK_WORDS = {
  compare: 'compare',
  branch: 'branch',
  tag: 'tag',
  commit: 'commit',
  issue: 'issue',
  pull_request: 'pullRequest',
  comment: 'comment',
  repository: 'repository',
} as const satisfies Readonly<Record<string, LinkName>>;

/** `path: type` pairs, parents before their members. */
const fields = (prefix: string, spec: Readonly<Record<string, FieldType>>): FieldSpec[] =>
  Object.entries(spec).map(([name, type]) => ({ path: prefix + name, type }));

const person = (path: string) => fields(`${path}.`, { name: 'string', login: 'string' });

const commit = (path: string) =>
  fields(`${path}.`, {
    id: 'string',
    short_id: 'string',
    title: 'string',
    url: 'string',
    author: 'string',
    author_login: 'string',
    time: 'string',
  });

export const TEMPLATE_FIELDS: readonly FieldSpec[] = [
  ...fields('', { event: 'string', action: 'string', summary: 'string', actor: 'object' }),
  ...person('actor'),
  ...fields('', { repository: 'object' }),
  ...fields('repository.', { name: 'string', full_name: 'string', url: 'string' }),
  ...fields('', {
    url: 'string',
    branch: 'string',
    tag: 'string',
    compare_url: 'string',
    commits: 'list of objects',
  }),
  ...commit('commits[]'),
  ...fields('', {
    total_commits: 'number',
    more_commits: 'number',
    authors: 'list of strings',
    head_commit: 'object or nil',
  }),
  ...commit('head_commit'),
  ...fields('', { timestamp: 'string', time: 'string', issue: 'object or nil' }),
  ...fields('issue.', {
    number: 'string',
    title: 'string',
    url: 'string',
    state: 'string',
    labels: 'list of strings',
    assignee: 'object or nil',
  }),
  ...person('issue.assignee'),
  ...fields('issue.', { author: 'object or nil' }),
  ...person('issue.author'),
  ...fields('issue.', { milestone: 'string', excerpt: 'string' }),
  ...fields('', { pull_request: 'object or nil' }),
  ...fields('pull_request.', {
    number: 'number or nil',
    title: 'string',
    url: 'string',
    source_branch: 'string',
    target_branch: 'string',
    state: 'string',
    merged: 'boolean',
    labels: 'list of strings',
    author: 'object or nil',
  }),
  ...person('pull_request.author'),
  ...fields('pull_request.', { reviewers: 'list of objects' }),
  ...person('pull_request.reviewers[]'),
  ...fields('pull_request.', { testers: 'list of objects' }),
  ...person('pull_request.testers[]'),
  ...fields('pull_request.', {
    commit_count: 'number or nil',
    changed_files: 'number or nil',
    additions: 'number or nil',
    deletions: 'number or nil',
    excerpt: 'string',
  }),
  ...fields('', { comment: 'object or nil' }),
  ...fields('comment.', { excerpt: 'string', url: 'string', target: 'string' }),
  ...fields('', { words: 'object' }),
  ...fields('words.', {
    event: 'string',
    more_commits: 'string',
    separator: 'string',
    list_separator: 'string',
    colon: 'string',
    none: 'string',
    links: 'object',
  }),
  ...Object.keys(LINK_WORDS).map((name): FieldSpec => ({
    path: `words.links.${name}`,
    type: 'string',
  })),
];
