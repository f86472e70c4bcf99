import type { ParsedDelivery } from '../../lib/gitee/event';
import { createDuplicateSuppressor } from '../../lib/routing/duplicate-suppressor';
import { parseFixture } from '../helpers/parse-fixture';
import { ping, pullRequest, push } from './deliveries';

const MINUTE = 60_000;
const DUPLICATE = 'duplicate delivery';
const BURST = 'pull request opened moments ago: burst suppressed';

/** One step: the delivery, its X-Gitee-Token and when it arrives (ms after start). */
type Step = [ParsedDelivery, string, number];

/** Runs the steps through one suppressor and answers each check's result. */
function run(steps: Step[], options: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 0;
  const suppressor = createDuplicateSuppressor({ now: () => clock, ...options });
  return steps.map(([delivery, signature, at]) => {
    clock = at;
    return suppressor.check(delivery, signature);
  });
}

/** A pull-request hook of `repo` for PR `number`, fired at Gitee timestamp `ts`. */
function pr(action: string, actionDesc: string | null, number = 7, ts = '1', repo = 'org/api') {
  return pullRequest(repo, action, { number, actionDesc, extra: { timestamp: ts } });
}

function pushAt(ts: string, extra: Record<string, unknown> = {}): ParsedDelivery {
  return push('org/api', 'main', { timestamp: ts, ...extra });
}

describe('createDuplicateSuppressor', () => {
  it('suppresses the same real delivery arriving twice', () => {
    const delivery = parseFixture('push-commits');
    expect(
      run([
        [delivery, 'sig', 0],
        [delivery, 'sig', 1000],
      ]),
    ).toEqual([null, DUPLICATE]);
  });

  it.each<[string, number, string | null]>([
    ['just before the default five minutes', 5 * MINUTE - 1, DUPLICATE],
    ['once the default five minutes have passed', 5 * MINUTE, null],
  ])('answers a repeat %s', (_, later, expected) => {
    const delivery = pushAt('1');
    expect(
      run([
        [delivery, 'sig', 0],
        [delivery, 'sig', later],
      ]),
    ).toEqual([null, expected]);
  });

  it('delivers a repeat again once a custom TTL has passed', () => {
    const delivery = pushAt('1');
    const steps: Step[] = [
      [delivery, 's', 0],
      [delivery, 's', 999],
      [delivery, 's', 2000],
    ];
    expect(run(steps, { ttlMs: 1000 })).toEqual([null, DUPLICATE, null]);
  });

  it.each<[string, Step]>([
    ['another signature', [pushAt('1'), 'other', 1]],
    ['another timestamp', [pushAt('2'), 'sig', 1]],
    ['another hook id', [pushAt('1', { hook_id: 43 }), 'sig', 1]],
    ['another hook kind (a ping)', [ping('org/api', { timestamp: '1' }), 'sig', 1]],
  ])('delivers a delivery that differs only by %s', (_, second) => {
    expect(run([[pushAt('1'), 'sig', 0], second])).toEqual([null, null]);
  });

  it('suppresses a replayed timestamp and token carrying another body', () => {
    const replay = pushAt('1', { ref: 'refs/heads/evil', commits: [] });
    expect(
      run([
        [pushAt('1'), 'sig', 0],
        [replay, 'sig', 1],
      ]),
    ).toEqual([null, DUPLICATE]);
  });

  it('lets only the first hook of a PR-creation burst through', () => {
    const steps: Step[] = [
      [pr('open', 'open', 7, '1'), 's1', 0],
      [pr('open', 'test', 7, '2'), 's2', 100],
      [pr('open', 'assign', 7, '3'), 's3', 200],
    ];
    expect(run(steps)).toEqual([null, BURST, BURST]);
  });

  it.each<[string, ParsedDelivery, string | null]>([
    ['a test action for the same PR', pr('test', null, 7, '2'), BURST],
    ['an assign action for the same PR', pr('assign', null, 7, '2'), BURST],
    ['another PR opened in the same repository', pr('open', 'open', 8, '2'), null],
    ['the same PR number in another repository', pr('open', 'open', 7, '2', 'org/web'), null],
    ['a tested action for the same PR', pr('tested', null, 7, '2'), null],
    ['an update of the same PR', pr('update', 'source_branch_changed', 7, '2'), null],
  ])('after a PR is opened, answers %s', (_, second, expected) => {
    expect(
      run([
        [pr('open', 'open', 7, '1'), 's1', 0],
        [second, 's2', 1000],
      ]),
    ).toEqual([null, expected]);
  });

  it('suppresses a real PR open and its burst copy with the real open first', () => {
    const open = parseFixture('merge_request-open');
    const copy = pr('open', 'assign', 9, '2', 'kit101/drone-yml-test');
    expect(
      run([
        [open, 'a', 0],
        [copy, 'b', 10],
      ]),
    ).toEqual([null, BURST]);
  });

  it('keys a burst on the PR id when Gitee sent no number', () => {
    const byId = (ts: string, desc: string) =>
      pullRequest('org/api', 'open', {
        actionDesc: desc,
        extra: { timestamp: ts, pull_request: { id: 5 } },
      });
    expect(
      run([
        [byId('1', 'open'), 'a', 0],
        [byId('2', 'test'), 'b', 1],
      ]),
    ).toEqual([null, BURST]);
  });

  it('delivers an assign to a PR once the burst window has passed', () => {
    const steps: Step[] = [
      [pr('open', 'open', 7, '1'), 's1', 0],
      [pr('assign', null, 7, '2'), 's2', 5 * MINUTE],
    ];
    expect(run(steps)).toEqual([null, null]);
  });

  it('delivers assigns to an older PR when no open was seen', () => {
    const steps: Step[] = [
      [pr('assign', null, 7, '1'), 's1', 0],
      [pr('assign', null, 7, '2'), 's2', 1000],
    ];
    expect(run(steps)).toEqual([null, null]);
  });

  it('calls a repeated PR open a duplicate rather than a burst', () => {
    const open = pr('open', 'open');
    expect(
      run([
        [open, 's', 0],
        [open, 's', 1],
      ]),
    ).toEqual([null, DUPLICATE]);
  });

  it.each<[string, Step, string | null]>([
    ['suppresses the same ping twice', [ping('org/api'), 'sig', 1], DUPLICATE],
    [
      'delivers a second ping with a new timestamp',
      [ping('org/api', { timestamp: '2' }), 's2', 1],
      null,
    ],
  ])('%s', (_, second, expected) => {
    expect(run([[ping('org/api'), 'sig', 0], second])).toEqual([null, expected]);
  });

  it('forgets the oldest delivery beyond maxEntries', () => {
    const [a, b, c] = [pushAt('1'), pushAt('2'), pushAt('3')];
    const steps: Step[] = [
      [a, 's', 0],
      [b, 's', 1],
      [c, 's', 2],
      [c, 's', 3],
      [a, 's', 4],
    ];
    expect(run(steps, { maxEntries: 2 })).toEqual([null, null, null, DUPLICATE, null]);
  });

  it('counts a delivery seen again after the TTL as the newest when evicting', () => {
    const [a, b, c] = [pushAt('1'), pushAt('2'), pushAt('3')];
    const steps: Step[] = [
      [a, 's', 0],
      [b, 's', 5],
      [a, 's', 12],
      [c, 's', 13],
      [a, 's', 14],
    ];
    expect(run(steps, { ttlMs: 10, maxEntries: 2 })).toEqual([null, null, null, null, DUPLICATE]);
  });

  it.each([{ ttlMs: 0 }, { maxEntries: 0 }])('refuses a memory that cannot remember: %j', (bad) => {
    expect(() => createDuplicateSuppressor({ now: () => 0, ...bad })).toThrow(RangeError);
  });
});
