import { TEMPLATE_FIELDS } from '../../lib/templates/field-list';
import { fieldTable } from '../../lib/templates/field-table';
import { renderFields } from '../../lib/templates/render-fields';
import { describeEvent } from '../../lib/view/describe-event';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { localeText } from '../../lib/view/locales/locale-text';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';
import { commit, pushPayload } from '../format/payloads/push';
import { optionsFor, TARGETS, viewOf } from './harness';

const EVENTS = fixtureNames().filter((name) => !name.startsWith('ping-'));

/** Every path in a value, in the field list's notation (`commits[].title`). */
function pathsOf(value: unknown, prefix = ''): string[] {
  const members = (object: object, at: string) =>
    Object.entries(object).flatMap(([key, child]) => pathsOf(child, at ? `${at}.${key}` : key));
  const own = prefix ? [prefix] : [];
  if (Array.isArray(value)) {
    const entries = value.filter((entry): entry is object => typeof entry === 'object');
    return [...own, ...entries.flatMap((entry) => members(entry, `${prefix}[]`))];
  }
  return typeof value === 'object' && value !== null ? [...own, ...members(value, prefix)] : own;
}

function fieldsOf(name: string, maxCommits = 5) {
  const view = viewOf(parseFixture(name));
  return renderFields(view, optionsFor(TARGETS[0], { maxCommits }));
}

describe('template fields', () => {
  const documented = new Set(TEMPLATE_FIELDS.map((field) => field.path));

  it.each(EVENTS)('of %s are plain JSON, documented to the last path', (name) => {
    const view = viewOf(parseFixture(name));
    expect(JSON.parse(JSON.stringify(view.fields))).toEqual(view.fields);
    const undocumented = pathsOf(fieldsOf(name)).filter((path) => !documented.has(path));
    expect(undocumented).toEqual([]);
  });

  it('fill every documented field in some real fixture', () => {
    const seen = new Set(EVENTS.flatMap((name) => pathsOf(fieldsOf(name))));
    expect([...documented].filter((path) => !seen.has(path))).toEqual([]);
  });

  it.each(EVENTS)('of %s carry neither the WebHook password nor the signature', (name) => {
    const raw = loadFixture(name);
    const json = JSON.stringify(fieldsOf(name));
    for (const key of ['password', 'sign'] as const) {
      const secret = raw[key];
      if (typeof secret === 'string' && secret !== '') expect(json).not.toContain(secret);
      expect(json).not.toContain(`"${key}"`);
    }
  });

  it.each(EVENTS)('of %s link only to the allowed Gitee host', (name) => {
    const delivery = parseFixture(name);
    const repository = onGiteeHost(delivery.repository, ['gitee.example.com']);
    const view = describeEvent(
      { ...delivery, repository },
      { t: localeText('en'), timezone: 'UTC' },
    );
    const addresses = JSON.stringify(view.fields).match(/https?:\/\/[^"\s]+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(new URL(address).host).toBe('gitee.example.com');
  });

  it('are nil where a part does not apply, "" and [] where a value is missing', () => {
    const push = fieldsOf('push-commits')!;
    expect([push.issue, push.pull_request, push.comment]).toEqual([null, null, null]);
    expect([push.tag, push.words.more_commits]).toEqual(['', '']);
    const created = fieldsOf('push-branch-create')!;
    expect([created.action, created.compare_url, created.commits]).toEqual(['create', '', []]);
    const issue = fieldsOf('issue-open')!;
    expect([issue.commits, issue.head_commit, issue.pull_request, issue.branch]).toEqual([
      [],
      null,
      null,
      '',
    ]);
    expect(typeof issue.issue?.number).toBe('string');
    expect(typeof fieldsOf('merge_request-open')!.pull_request?.number).toBe('number');
    expect(fieldsOf('note-issue')!.issue).not.toBeNull();
  });

  it('list the commits up to the robot maxCommits and count them all', () => {
    const commits = Array.from({ length: 8 }, (_, index) =>
      commit({ id: String(index + 1).repeat(40), message: `change ${index + 1}\n\nbody` }),
    );
    const view = viewOf(parsePayload(pushPayload({ commits, total: 12 })), 'en');
    const fields = renderFields(view, optionsFor(TARGETS[0], { maxCommits: 3, locale: 'en' }))!;
    expect(fields.commits.map((one) => one.title)).toEqual(['change 1', 'change 2', 'change 3']);
    expect([fields.total_commits, fields.more_commits]).toEqual([12, 9]);
    expect(fields.words.more_commits).toBe('…and 9 more commits');
    expect(fields.commits[0]).toEqual({
      id: '1'.repeat(40),
      short_id: '1111111',
      title: 'change 1',
      url: `https://gitee.com/acme/api/commit/${'1'.repeat(40)}`,
      author: 'Alice 王',
      author_login: 'alice',
      time: '2021-10-08 17:53',
    });
  });

  it('are absent on the Test ping, which is never templated', () => {
    expect(viewOf(parseFixture('ping-push_hooks')).fields).toBeUndefined();
  });

  it("name the locale's someone when Gitee names no actor", () => {
    const payload = pushPayload();
    for (const key of ['sender', 'pusher', 'user', 'user_name']) delete payload[key];
    const fields = viewOf(parsePayload(payload), 'en').fields!;
    expect(fields.actor).toEqual({ name: 'Someone', login: '' });
  });
});

describe('fieldTable', () => {
  it('documents every field once, with its type', () => {
    const rows = fieldTable().split('\n').slice(2);
    expect(rows).toHaveLength(TEMPLATE_FIELDS.length);
    expect(rows[0]).toBe(
      '| `event` | string | push, tag_push, issue, pull_request or comment | `push` |',
    );
    expect(rows.find((row) => row.startsWith('| `issue` |'))).toContain('object or nil');
  });
});
