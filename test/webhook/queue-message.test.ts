import { buildQueueMessage, eventEntry } from '../../lib/delivery/build-message';
import { deduplicationId } from '../../lib/delivery/dedup-id';
import { robotGroupId } from '../../lib/delivery/group-id';
import { Secret } from '../../lib/crypto/secret';
import type { ParsedDelivery } from '../../lib/gitee/event';
import { describeEvent } from '../../lib/view/describe-event';
import { localeText } from '../../lib/view/locales/locale-text';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';
import { testRobot } from '../helpers/robots';
import { assertNoSecrets, SENTINEL_SECRETS, SENTINEL_WEBHOOKS } from '../helpers/secret-sentinels';

const TS = '1633680515785';

/** A real fixture with some fields changed (a dotted path names a nested one). */
function changed(name: string, edits: Record<string, unknown>): ParsedDelivery {
  const body = loadFixture(name);
  for (const [path, value] of Object.entries(edits)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let target = body as Record<string, unknown>;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    target[last] = value;
  }
  return parsePayload(body);
}

const id = (delivery: ParsedDelivery, robot = 'team', ts = TS) =>
  deduplicationId(robot, delivery, ts);

describe('deduplicationId', () => {
  it.each(fixtureNames())('gives %s the same id twice, and another robot another id', (name) => {
    const first = id(parseFixture(name));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(id(parseFixture(name))).toBe(first);
    expect(id(parseFixture(name), 'ops')).not.toBe(first);
  });

  // The Test ping is told apart by its header; the IM-robot body carries no sha (see below).
  const redelivered = fixtureNames().filter((name) => !/^(ping|im_)/.test(name));
  it.each(redelivered)(
    'gives %s delivered again by Gitee (new timestamp, hook, signature) the same id',
    (name) => {
      const again = changed(name, { timestamp: '1999999999999', hook_id: 42, sign: 'other' });
      expect(id(again, 'team', '1999999999999')).toBe(id(parseFixture(name)));
    },
  );

  it.each<[string, string, Record<string, unknown>]>([
    ['a push to another ref', 'push-commits', { ref: 'refs/heads/other' }],
    ['a push with another before', 'push-commits', { before: 'f'.repeat(40) }],
    ['a push with another after', 'push-commits', { after: 'e'.repeat(40) }],
    ['a push to another repository', 'push-commits', { 'repository.path_with_namespace': 'a/b' }],
    ['a tag push of another tag', 'tag_push-create', { ref: 'refs/tags/v9' }],
    ['another issue', 'issue-open', { 'issue.id': 1 }],
    ['a later change of the issue', 'issue-open', { 'issue.updated_at': '2030-01-01T00:00:00Z' }],
    ['another action on the issue', 'issue-open', { action: 'delete' }],
    ['an assignment to someone else', 'issue-assign', { 'assignee.id': 99 }],
    ['another pull request', 'merge_request-open', { 'pull_request.id': 1 }],
    ['another action on the PR', 'merge_request-open', { action: 'close' }],
    [
      'a later change of the PR',
      'merge_request-update-label_added',
      { 'pull_request.updated_at': '2030-01-01T00:00:00Z' },
    ],
    ['a new head of the PR', 'merge_request-open', { 'pull_request.head.sha': 'a'.repeat(40) }],
    ['another comment', 'note-issue', { 'comment.id': 1 }],
    ['another action on the comment', 'note-issue', { action: 'delete' }],
  ])('tells %s apart', (_, name, edits) => {
    expect(id(changed(name, edits))).not.toBe(id(parseFixture(name)));
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a push by another sender', 'push-commits', { 'sender.login': 'someone' }],
    ['an edited comment body', 'note-issue', { 'comment.body': 'edited' }],
    ['an open issue whose assignee changed', 'issue-open', { 'issue.assignee': { id: 5 } }],
  ])('gives %s the same id (not one of the listed parts)', (_, name, edits) => {
    expect(id(changed(name, edits))).toBe(id(parseFixture(name)));
  });

  it('tells two Test clicks apart by X-Gitee-Timestamp, and one click repeated not', () => {
    const ping = parseFixture('ping-push_hooks');
    expect(id(ping, 'team', '1700000000001')).not.toBe(id(ping, 'team', '1700000000002'));
    expect(id(ping, 'team', '1700000000001')).toBe(id(ping, 'team', '1700000000001'));
  });

  it('adds the trigger time when Gitee sent nothing that tells two events apart', () => {
    const bare = (timestamp: string) =>
      changed('issue-open', { 'issue.updated_at': null, timestamp });
    expect(id(bare('1633680515785'))).not.toBe(id(bare('1633680515786')));
    const im = (timestamp: string) => changed('im_wecom-push-markdown', { timestamp });
    expect(id(im('1633680515785'))).not.toBe(id(im('1633680515786')));
  });
});

describe('buildQueueMessage', () => {
  const robot = testRobot('backend', {
    webhook: new Secret(SENTINEL_WEBHOOKS.dingtalk),
    secret: new Secret(SENTINEL_SECRETS.dingtalkSecret),
    maxCommits: 5,
  });

  it('writes the contract body, with @all only when the route asks for it', () => {
    const delivery = parseFixture('push-commits');
    const view = describeEvent(delivery, { t: localeText('zh-CN'), timezone: 'Asia/Shanghai' });
    const key = id(delivery, 'backend');
    const body = buildQueueMessage({ robot, view, delivery, key, receivedAt: 1234, atAll: false });
    expect(body).toEqual({
      v: 1,
      robot: 'backend',
      key,
      receivedAt: 1234,
      event: { kind: 'push', action: 'push', repository: delivery.repository.path },
      view: expect.objectContaining({ subject: view.subject, headline: view.headline }),
    });
    expect(
      buildQueueMessage({ robot, view, delivery, key, receivedAt: 1, atAll: true }).atAll,
    ).toBe(true);
    const entry = eventEntry('m0', robot, body);
    expect(entry).toEqual({
      id: 'm0',
      groupId: robotGroupId(robot),
      deduplicationId: key,
      body: JSON.stringify(body),
    });
  });

  it('names a ping ping.ping', () => {
    const delivery = parseFixture('ping-push_hooks');
    const view = describeEvent(delivery, { t: localeText('en'), timezone: 'UTC' });
    const body = buildQueueMessage({
      robot,
      view,
      delivery,
      key: 'k',
      receivedAt: 1,
      atAll: false,
    });
    expect(body.event).toEqual({ kind: 'ping', action: 'ping', repository: 'gy2006/flow-test' });
  });

  it.each(fixtureNames())('puts no secret of the robot in the message of %s', (name) => {
    const delivery = parseFixture(name);
    const view = describeEvent(delivery, { t: localeText('en'), timezone: 'UTC' });
    const body = buildQueueMessage({ robot, view, delivery, key: 'k', receivedAt: 1, atAll: true });
    const entry = eventEntry('m0', robot, body);
    assertNoSecrets(JSON.stringify(entry), `queue entry of ${name}`);
    expect(JSON.stringify(entry)).not.toContain('<secret>');
  });
});
