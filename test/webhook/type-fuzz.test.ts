import type { DeliveryJob, DeliveryResult } from '../../lib/send/types';
import { createJsonLogger } from '../../lib/logger';
import { createDuplicateSuppressor } from '../../lib/routing/duplicate-suppressor';
import { createMemoryReplayStore } from '../../lib/routing/replay-memory';
import { buildSettings } from '../../lib/settings/build-settings';
import type { Settings } from '../../lib/settings/types';
import { PLATFORMS } from '../../lib/platforms';
import { createWebhookHandler } from '../../lib/webhook-handler';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { fixtureNames, giteeHeadersFor, loadFixture } from '../helpers/fixtures';

/**
 * Every field the pipeline reads (parser, repository resolution, filters, routes, duplicate
 * suppression, formatter), as a path into the body; `[]` is every item of a list. Kept in step
 * with lib/gitee/payloads.ts: a field the pipeline reads but this table lacks is untested.
 */
const READ_FIELDS = [
  // Envelope, parser and repository resolution
  'hook_name', 'hook_id', 'hook_url', 'timestamp', 'action', 'sender', 'sender.login',
  'sender.username', 'sender.user_name', 'sender.name', 'enterprise', 'project', 'repository',
  'repository.path_with_namespace', 'repository.namespace', 'repository.path',
  'repository.full_name', 'repository.html_url',
  // push and tag_push
  'ref', 'before', 'after', 'created', 'deleted', 'compare', 'commits', 'commits[]',
  'commits[].id', 'commits[].message', 'commits[].timestamp', 'commits[].url',
  'commits[].author', 'commits[].author.name', 'commits[].committer', 'head_commit',
  'head_commit.id', 'head_commit.message', 'head_commit.timestamp', 'total_commits_count',
  'commits_more_than_ten', 'user_name', 'pusher', 'pusher.username', 'pusher.name', 'user',
  'user.login',
  // issue
  'issue', 'issue.number', 'issue.title', 'issue.body', 'issue.html_url', 'issue.state',
  'issue.state_name', 'issue.type_name', 'issue.labels', 'issue.labels[]',
  'issue.labels[].name', 'issue.user', 'issue.assignee', 'issue.assignee.login',
  'issue.milestone', 'issue.milestone.title', 'iid', 'assignee', 'assignee.login', 'updated_by',
  'state', 'url', 'milestone',
  // pull_request
  'pull_request', 'pull_request.id', 'pull_request.number', 'pull_request.title',
  'pull_request.body', 'pull_request.html_url', 'pull_request.state', 'pull_request.merged',
  'pull_request.user', 'pull_request.assignees', 'pull_request.assignees[]',
  'pull_request.assignees[].login', 'pull_request.testers', 'pull_request.testers[]',
  'pull_request.labels', 'pull_request.labels[].name', 'pull_request.head',
  'pull_request.head.ref', 'pull_request.head.repo', 'pull_request.head.repo.html_url',
  'pull_request.base', 'pull_request.base.ref', 'pull_request.commits',
  'pull_request.additions', 'pull_request.deletions', 'pull_request.changed_files', 'number',
  'action_desc', 'source_branch', 'target_branch', 'author', 'author.login', 'title', 'body',
  // comment
  'comment', 'comment.id', 'comment.body', 'comment.html_url', 'comment.user',
  'comment.user.login', 'comment.commit_id', 'noteable_type', 'note', 'per_iid',
  'short_commit_id',
]; // prettier-ignore

const WRONG_VALUES: ReadonlyArray<[string, unknown]> = [
  ['a number', 42],
  ['an object', { nested: { value: 1 } }],
  ['an object that cannot be printed', { toString: 'x', valueOf: 'y' }],
  ['an array', ['x', 1]],
  ['null', null],
  ['a 100 KB string', 'x'.repeat(100 * 1024)],
];

const SECRET = 'SECtest-fuzz-gitee-0001';

/** One robot per msgtype, so each renderer meets what the sanitizer lets through. */
const ROUTES_AND_FILTERS = [
  'robots:',
  '  team: { keywords: [Gitee] }',
  "  ops: { keywords: ['代码'], msgtype: actionCard, locale: en }",
  '  feed: { msgtype: text }',
  'routes:',
  "  - repos: ['**']",
  "    branches: ['**']",
  '    robots: [team]',
  "  - repos: ['kit101/*', 'gy2006/*', 'repo_group/*', 'ayusummer233/*']",
  '    events: [push, tag_push.create, issue.state_change, pull_request, comment]',
  "    branches: ['master', 'feat-*', 'release/**']",
  '    robots: [ops]',
  '    atAll: true',
  '  - events: [issue, pull_request.merge, comment]',
  '    robots: [feed]',
  'mentions:',
  "  kit101: { mobile: '13800000000' }",
  "  gy2006: { userId: 'manager4521' }",
  'filters:',
  '  ignoreSenders: [ci-bot]',
  "  skipCommitPattern: '\\[skip notify\\]'",
].join('\n');

/** The defaults for one robot: the whole pipeline as a first install runs it. */
const NO_ROUTES = 'robots:\n  team: { keywords: [Gitee] }';

function settingsFor(config: string, robots: string[]): Settings {
  const parameters = new Map([
    ['gitee/secret', SECRET],
    ['config', config],
    ...robots.map((name): [string, string] => [
      `robots/${name}/webhook`,
      `https://oapi.dingtalk.com/robot/send?access_token=test-${name}`,
    ]),
  ]);
  return buildSettings(parameters);
}

/** Robots that take every message in-process; what they were sent is kept to look at. */
function fakeDeliverer(sent: DeliveryJob[]) {
  return {
    async deliver(jobs: DeliveryJob[]): Promise<DeliveryResult[]> {
      sent.push(...jobs);
      return jobs.map((job) => ({
        robot: job.robot.name,
        platform: job.platform.name,
        ok: true,
        attempts: 1,
      }));
    },
  };
}

type Json = Record<string, unknown>;

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * A copy of `body` with the field at `path` set to `value` wherever the path reaches (every
 * item for `[]`), or null when it reaches nowhere. A top-level field must be in the fixture
 * (so each kind gets its own fields); a nested one is added to an object the fixture has
 * (a comment on a commit carries `comment.commit_id`, which no captured comment does).
 */
function withField(body: Json, path: string, value: unknown): Json | null {
  const copy = structuredClone(body);
  const [first, ...rest] = path.split('.');
  if (first === undefined || !Object.hasOwn(copy, first.replace(/\[\]$/, ''))) return null;
  return setAt(copy, [first, ...rest], value) ? copy : null;
}

function setAt(target: unknown, [step, ...rest]: string[], value: unknown): boolean {
  if (step === undefined || typeof target !== 'object' || target === null) return false;
  if (Array.isArray(target)) return false;
  const record = target as Json;
  const key = step.replace(/\[\]$/, '');
  if (!step.endsWith('[]')) {
    if (rest.length > 0) return setAt(record[key], rest, value);
    record[key] = value;
    return true;
  }
  const list = record[key];
  if (!Array.isArray(list) || list.length === 0) return false;
  if (rest.length === 0) list.fill(value);
  return rest.length === 0 || list.map((item) => setAt(item, rest, value)).includes(true);
}

function isHttpOk(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500);
}

/**
 * The only refusals a wrong type may cause: each kind's own object, a push's ref, and an event
 * left with no repository at all (neither `repository` nor `hook_url` names one).
 */
function refusalAllowed(path: string, error: string): boolean {
  if (['issue', 'pull_request', 'comment'].includes(path))
    return /without a "\w+" object/.test(error);
  if (path === 'ref') return /"ref" that is not a string/.test(error);
  return /^(hook_url|repository)\b/.test(path) && /missing repository/.test(error);
}

describe.each([
  ['routes, filters and mentions', ROUTES_AND_FILTERS, ['team', 'ops', 'feed']],
  ['no routes or filters', NO_ROUTES, ['team']],
])('webhook handler with %s, given any read field of a wrong type', (_, config, robots) => {
  const settings = settingsFor(config, robots);
  const applied = new Set<string>();
  let timestamp = Date.now();

  async function answer(body: Json, headers: Record<string, string>) {
    const sent: DeliveryJob[] = [];
    const now = () => Date.now();
    // A fresh handler per delivery: no case may be skipped as another one's duplicate or burst.
    const handler = createWebhookHandler({
      settings: { get: async () => settings, refresh: async () => settings },
      platforms: PLATFORMS,
      deliverer: fakeDeliverer(sent),
      duplicates: createDuplicateSuppressor({ now }),
      replays: createMemoryReplayStore({ now }),
      now,
      logger: createJsonLogger(() => {}),
      limits: { maxBodyBytes: 1024 * 1024, timestampWindowMs: 3_600_000, deliveryBudgetMs: 2500 },
    });
    timestamp -= 1;
    const event = signedGiteeEvent({
      body: JSON.stringify(body),
      secret: SECRET,
      timestamp,
      headers,
    });
    return { response: await handler(event), sent };
  }

  /** What is wrong with the answer to this body, or null. */
  async function problemWith(
    path: string,
    body: Json,
    headers: Record<string, string>,
  ): Promise<string | null> {
    let outcome: Awaited<ReturnType<typeof answer>>;
    try {
      outcome = await answer(body, headers);
    } catch (error) {
      return `threw ${String(error)}`;
    }
    const { response, sent } = outcome;
    if (!isHttpOk(response.statusCode) || !isJsonObject(response.body)) {
      return `${response.statusCode} ${response.body.slice(0, 200)}`;
    }
    const { error } = JSON.parse(response.body) as { error?: string };
    if (response.statusCode >= 400 && !refusalAllowed(path, String(error))) {
      return `refused with ${response.statusCode}: ${response.body.slice(0, 200)}`;
    }
    const shown = JSON.stringify(sent.map((job) => job.message));
    return shown.includes('[object Object]') ? 'a message shows [object Object]' : null;
  }

  it.each(fixtureNames())('answers %s with 2xx or 4xx and a JSON body, never 5xx', async (name) => {
    const fixture = loadFixture(name);
    const headers = giteeHeadersFor(fixture);
    const problems: string[] = [];
    for (const path of READ_FIELDS) {
      for (const [label, value] of WRONG_VALUES) {
        const body = withField(fixture, path, value);
        if (!body) continue;
        applied.add(path);
        const problem = await problemWith(path, body, headers);
        if (problem) problems.push(`${path} as ${label}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // Runs after the fixtures above: a path no fixture has would be a table entry never tried.
  it('tried every path of the table on some fixture', () => {
    expect(READ_FIELDS.filter((path) => !applied.has(path))).toEqual([]);
  });
});
