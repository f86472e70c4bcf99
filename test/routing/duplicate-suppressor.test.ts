import type { ParsedDelivery } from '../../lib/gitee/event';
import { createDuplicateSuppressor } from '../../lib/routing/duplicate-suppressor';
import { parseFixture } from '../helpers/parse-fixture';
import { ping, pullRequest, push } from './deliveries';

const MINUTE = 60_000;
const BURST = 'pull request opened moments ago: burst suppressed';

/** One step: the delivery and when it arrives (ms after start). */
type Step = [ParsedDelivery, number];

/** Runs the steps through one suppressor and answers each check's result. */
async function run(steps: Step[], options: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 0;
  const suppressor = createDuplicateSuppressor({ now: () => clock, ...options });
  const answers: Array<string | null> = [];
  for (const [delivery, at] of steps) {
    clock = at;
    answers.push(await suppressor.check(delivery));
  }
  return answers;
}

/** A pull-request hook of `repo` for PR `number`, fired at Gitee timestamp `ts`. */
function pr(action: string, actionDesc: string | null, number = 7, ts = '1', repo = 'org/api') {
  return pullRequest(repo, action, { number, actionDesc, extra: { timestamp: ts } });
}

describe('createDuplicateSuppressor', () => {
  it.each<[string, ParsedDelivery]>([
    ['a real push', parseFixture('push-commits')],
    ['a push with a hand-written body', push('org/api', 'main')],
    ['a Test ping', ping('org/api')],
    ['a real pull-request update', parseFixture('merge_request-update-source_branch_changed')],
  ])('leaves %s seen twice to the replay store', async (_, delivery) => {
    // Repeats under one credential are refused by what Gitee signs, never by body fields.
    expect(
      await run([
        [delivery, 0],
        [delivery, 1000],
      ]),
    ).toEqual([null, null]);
  });

  it('lets only the first hook of a PR-creation burst through', async () => {
    const steps: Step[] = [
      [pr('open', 'open', 7, '1'), 0],
      [pr('open', 'test', 7, '2'), 100],
      [pr('open', 'assign', 7, '3'), 200],
    ];
    expect(await run(steps)).toEqual([null, BURST, BURST]);
  });

  it.each<[string, ParsedDelivery, string | null]>([
    ['a test action for the same PR', pr('test', null, 7, '2'), BURST],
    ['an assign action for the same PR', pr('assign', null, 7, '2'), BURST],
    ['another PR opened in the same repository', pr('open', 'open', 8, '2'), null],
    ['the same PR number in another repository', pr('open', 'open', 7, '2', 'org/web'), null],
    ['a tested action for the same PR', pr('tested', null, 7, '2'), null],
    ['an update of the same PR', pr('update', 'source_branch_changed', 7, '2'), null],
  ])('after a PR is opened, answers %s', async (_, second, expected) => {
    expect(
      await run([
        [pr('open', 'open', 7, '1'), 0],
        [second, 1000],
      ]),
    ).toEqual([null, expected]);
  });

  it('suppresses a real PR open and its burst copy with the real open first', async () => {
    const open = parseFixture('merge_request-open');
    const copy = pr('open', 'assign', 9, '2', 'kit101/drone-yml-test');
    expect(
      await run([
        [open, 0],
        [copy, 10],
      ]),
    ).toEqual([null, BURST]);
  });

  it('keys a burst on the PR id when Gitee sent no number', async () => {
    const byId = (ts: string, desc: string) =>
      pullRequest('org/api', 'open', {
        actionDesc: desc,
        extra: { timestamp: ts, pull_request: { id: 5 } },
      });
    expect(
      await run([
        [byId('1', 'open'), 0],
        [byId('2', 'test'), 1],
      ]),
    ).toEqual([null, BURST]);
  });

  it.each<[string, number, string | null]>([
    ['just before the default five minutes', 5 * MINUTE - 1, BURST],
    ['once the default five minutes have passed', 5 * MINUTE, null],
  ])('answers an assign to a PR opened %s ago', async (_, later, expected) => {
    const steps: Step[] = [
      [pr('open', 'open', 7, '1'), 0],
      [pr('assign', null, 7, '2'), later],
    ];
    expect(await run(steps)).toEqual([null, expected]);
  });

  it('ends the burst window after a custom TTL', async () => {
    const steps: Step[] = [
      [pr('open', 'open', 7, '1'), 0],
      [pr('assign', null, 7, '2'), 999],
      [pr('assign', null, 7, '3'), 1000],
    ];
    expect(await run(steps, { ttlMs: 1000 })).toEqual([null, BURST, null]);
  });

  it('delivers assigns to an older PR when no open was seen', async () => {
    const steps: Step[] = [
      [pr('assign', null, 7, '1'), 0],
      [pr('assign', null, 7, '2'), 1000],
    ];
    expect(await run(steps)).toEqual([null, null]);
  });

  it('forgets the oldest opened PR beyond maxEntries', async () => {
    const steps: Step[] = [
      [pr('open', 'open', 1, '1'), 0],
      [pr('open', 'open', 2, '2'), 1],
      [pr('open', 'open', 3, '3'), 2],
      [pr('assign', null, 3, '4'), 3],
      [pr('assign', null, 1, '5'), 4],
    ];
    expect(await run(steps, { maxEntries: 2 })).toEqual([null, null, null, BURST, null]);
  });

  it('counts a PR opened again after the TTL as the newest when evicting', async () => {
    const steps: Step[] = [
      [pr('open', 'open', 1, '1'), 0],
      [pr('open', 'open', 2, '2'), 5],
      [pr('open', 'open', 1, '3'), 12],
      [pr('open', 'open', 3, '4'), 13],
      [pr('assign', null, 1, '5'), 14],
    ];
    expect(await run(steps, { ttlMs: 10, maxEntries: 2 })).toEqual([null, null, null, null, BURST]);
  });

  it.each([{ ttlMs: 0 }, { maxEntries: 0 }])('refuses a memory that cannot remember: %j', (bad) => {
    expect(() => createDuplicateSuppressor({ now: () => 0, ...bad })).toThrow(RangeError);
  });
});
