import { BadRequestError } from '../../lib/errors';
import type { GiteeEvent, ParsedDelivery } from '../../lib/gitee/event';
import { parseGiteeDelivery } from '../../lib/gitee/parse';
import { giteeHeadersFor, loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';

type Body = Record<string, unknown>;

function patched(name: string, patch: (body: Body) => void): Body {
  const body = loadFixture(name);
  patch(body);
  return body;
}

function inner(body: Body, key: string): Body {
  return body[key] as Body;
}

function event<K extends GiteeEvent['kind']>(delivery: ParsedDelivery, kind: K) {
  if (delivery.kind !== kind) throw new Error(`expected ${kind}, parsed ${delivery.kind}`);
  return delivery as Extract<GiteeEvent, { kind: K }>;
}

/** Coercing it to a string or a number throws: its toString and valueOf are data. */
const UNPRINTABLE = { toString: 'x', valueOf: 'y' };
const KIT = 'kit101/drone-yml-test';

describe('parseGiteeDelivery', () => {
  // Read off the fixture files by hand, not from the parser.
  it.each<[string, string, string | null, string, number]>([
    ['im_wecom-push-markdown', 'push', 'push', 'ayusummer233/Test-QHQC', 1169482],
    ['issue-open', 'issue', 'open', KIT, 788005],
    ['issue-state_change', 'issue', 'state_change', KIT, 788005],
    ['merge_request-merge-2020', 'pull_request', 'merge', 'gy2006/flow-test', 125247],
    ['merge_request-update-label_added', 'pull_request', 'update', KIT, 788005],
    ['note-pull_request', 'comment', 'comment', KIT, 788005],
    ['ping-push_hooks', 'ping', null, 'gy2006/flow-test', 125247],
    ['push-branch-create', 'push', 'create', KIT, 788005],
    ['push-branch-delete', 'push', 'delete', KIT, 788005],
    ['push-commits-2025-anonymized', 'push', 'push', 'repo_group/repo_name', 1468475],
    ['tag_push-delete', 'tag_push', 'delete', KIT, 788005],
  ])('reads %s as %s.%s in %s from hook %d', (name, kind, action, path, hookId) => {
    const delivery = parseFixture(name);
    expect({
      kind: delivery.kind,
      action: delivery.kind === 'ping' ? null : delivery.action,
      path: delivery.repository.path,
      hookId: delivery.hookId,
    }).toEqual({ kind, action, path, hookId });
  });

  it('keeps only declared fields: the body password never travels with the event', () => {
    const body = patched('issue-open', (b) => {
      b.password = 'SECtest-password';
      b.sign = 'SECtest-sign';
      inner(b, 'issue').extra = 'undeclared';
    });
    const { payload } = event(parsePayload(body), 'issue');
    expect(JSON.stringify(payload)).not.toMatch(/SECtest|undeclared/);
    expect(payload.issue.title).toBe(inner(body, 'issue').title);
  });

  it('drops commits that are not objects and reads a non-string message as absent', () => {
    const real = loadFixture('push-commits').commits as Body[];
    const body = patched('push-commits', (b) => {
      b.commits = [null, 'x', [1], { ...real[0], message: { text: 'hi' } }];
    });
    const { payload } = event(parsePayload(body), 'push');
    const author = real[0]!.author as Body;
    expect(payload.commits).toEqual([
      expect.objectContaining({
        id: real[0]!.id,
        message: null,
        author: expect.objectContaining({ name: author.name, email: author.email }),
      }),
    ]);
  });

  it.each<[string, unknown]>([
    ['an object', { 0: {} }],
    ['a string', 'abc'],
    ['a number', 3],
  ])('reads commits given as %s as no commit list', (_, commits) => {
    const { payload } = event(
      parsePayload(patched('push-commits', (b) => (b.commits = commits))),
      'push',
    );
    expect(payload.commits).toBeNull();
  });

  it('reads an issue number of the wrong type as absent and falls back to iid', () => {
    const body = patched('issue-open', (b) => (inner(b, 'issue').number = UNPRINTABLE));
    expect(event(parsePayload(body), 'issue').payload.issue.number).toBe('I4CYEO');
  });

  it('leaves the issue number empty when neither number nor iid is a string', () => {
    const body = patched('issue-open', (b) => {
      inner(b, 'issue').number = {};
      b.iid = ['I4CYEO'];
    });
    expect(event(parsePayload(body), 'issue').payload.issue.number).toBe('');
  });

  it.each<[string, unknown, number]>([
    ['digits in a string', '12', 12],
    ['an unprintable object', UNPRINTABLE, 9],
    ['a fraction', 1.5, 9],
    ['a negative number', -3, 9],
  ])('reads a pull request number given as %s', (_, number, expected) => {
    const body = patched('merge_request-open', (b) => (inner(b, 'pull_request').number = number));
    expect(event(parsePayload(body), 'pull_request').payload.pull_request.number).toBe(expected);
  });

  it('reads an unprintable state as absent, so state_change stays unrefined', () => {
    const body = patched('issue-state_change', (b) => {
      b.state = UNPRINTABLE;
      inner(b, 'issue').state = UNPRINTABLE;
    });
    const issue = event(parsePayload(body), 'issue');
    expect(issue.action).toBe('state_change');
    expect(issue.payload.issue.state).toBeNull();
  });

  it('reads a target branch of the wrong type as absent', () => {
    const body = patched('merge_request-merge', (b) => (b.target_branch = UNPRINTABLE));
    const { payload } = event(parsePayload(body), 'pull_request');
    expect(payload.target_branch).toBeNull();
    expect(payload.pull_request.base?.ref).toBe('master');
  });

  it.each<[string, unknown]>([
    ['an unprintable object', UNPRINTABLE],
    ['an array', ['1633686799688']],
  ])('takes the header timestamp when the body timestamp is %s', (_, timestamp) => {
    const body = patched('push-commits', (b) => (b.timestamp = timestamp));
    const delivery = parsePayload(body, { 'x-gitee-timestamp': '1700000000000' });
    expect(delivery.timestamp).toBe('1700000000000');
  });

  it('reads an infinite hook id (1e999) as absent', () => {
    const text = JSON.stringify(loadFixture('push-commits')).replace(
      '"hook_id":788005',
      '"hook_id":1e999',
    );
    const delivery = parseGiteeDelivery({
      headers: giteeHeadersFor(loadFixture('push-commits')),
      body: text,
    });
    expect(delivery.hookId).toBeNull();
  });

  it.each<[string, string, unknown]>([
    ['a number', 'push-commits', 7],
    ['an object', 'push-commits', { name: 'main' }],
    ['an array', 'tag_push-create', ['refs/tags/1.3']],
  ])('refuses a push whose ref is %s', (_, name, ref) => {
    expect(() => parsePayload(patched(name, (b) => (b.ref = ref)))).toThrow(
      new BadRequestError(`${name.split('-')[0]} hook with a "ref" that is not a string`),
    );
  });

  it('describes a push with a null ref as what it is (the IM-robot body sends none)', () => {
    const push = event(parsePayload(patched('push-commits', (b) => (b.ref = null))), 'push');
    expect(push.payload.ref).toBeNull();
  });

  it.each<[string, string, unknown]>([
    ['issue-open', 'issue', 'I4CYEO'],
    ['merge_request-open', 'pull_request', [{ number: 9 }]],
    ['note-issue', 'comment', null],
  ])('refuses %s when its %s is not an object', (name, key, value) => {
    expect(() => parsePayload(patched(name, (b) => (b[key] = value)))).toThrow(
      `hook without a "${key}" object`,
    );
  });

  it('copies no own __proto__ key of a nested object', () => {
    const text = JSON.stringify(loadFixture('issue-open')).replace(
      '"issue":{',
      '"issue":{"__proto__":{"title":"polluted"},',
    );
    const delivery = parseGiteeDelivery({
      headers: giteeHeadersFor(loadFixture('issue-open')),
      body: text,
    });
    const issue = event(delivery, 'issue').payload.issue;
    expect(Object.getPrototypeOf(issue)).toBe(Object.prototype);
    expect(issue.title).toBe(inner(loadFixture('issue-open'), 'issue').title);
  });
});
