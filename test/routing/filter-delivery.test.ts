import type { ParsedDelivery } from '../../lib/gitee/event';
import { filterDelivery } from '../../lib/routing/filter-delivery';
import type { Filters } from '../../lib/settings/types';
import { parseFixture } from '../helpers/parse-fixture';
import { issue, ping, push, tagPush } from './deliveries';

function filters(overrides: Partial<Filters>): Filters {
  return { ignoreSenders: [], skipCommitPattern: null, ...overrides };
}

function commits(...messages: string[]) {
  return { commits: messages.map((message, index) => ({ id: `c${index}`, message })) };
}

const skipNotify = /\[skip notify\]/;

describe('filterDelivery', () => {
  it('delivers everything when no filter is configured', () => {
    expect(filterDelivery(parseFixture('push-commits'), filters({}))).toBeNull();
  });

  it.each<[string, string[], ParsedDelivery, string]>([
    [
      'a login written in another case',
      ['CI-Bot'],
      push('org/api', 'main', { sender: { login: 'ci-bot' } }),
      'ci-bot',
    ],
    ['the sender of a real issue', ['KIT101'], parseFixture('issue-open'), 'kit101'],
    [
      'a sender with only a username',
      ['ci-bot'],
      issue('org/api', 'open', 'open', { sender: { username: 'ci-bot' } }),
      'ci-bot',
    ],
    [
      'a push without sender, by its pusher before its user_name',
      ['ci-bot'],
      push('org/api', 'main', { sender: null, user_name: 'CI', pusher: { username: 'ci-bot' } }),
      'ci-bot',
    ],
    [
      'a push without sender or pusher, by user_name',
      ['ci-bot'],
      push('org/api', 'main', { sender: null, user_name: 'ci-bot' }),
      'ci-bot',
    ],
    ['a real tag push', ['kit101'], parseFixture('tag_push-create'), 'kit101'],
  ])('skips %s when its sender is in ignoreSenders', (_, ignoreSenders, delivery, login) => {
    expect(filterDelivery(delivery, filters({ ignoreSenders }))).toBe(
      `sender "${login}" is ignored`,
    );
  });

  it.each<[string, string[], ParsedDelivery]>([
    ['an issue whose sender is not in ignoreSenders', ['ci-bot'], parseFixture('issue-open')],
    [
      'the 2020 push whose user_name "yang.guo" is not its login',
      ['yang.guo'],
      parseFixture('push-commits-2020'),
    ],
  ])('delivers %s', (_, ignoreSenders, delivery) => {
    expect(filterDelivery(delivery, filters({ ignoreSenders }))).toBeNull();
  });

  it('skips a push when every commit matches skipCommitPattern', () => {
    const delivery = push('org/api', 'main', commits('a [skip notify]', '[skip notify] b'));
    expect(filterDelivery(delivery, filters({ skipCommitPattern: skipNotify }))).toBe(
      'every commit matches skipCommitPattern',
    );
  });

  it.each<[string, ParsedDelivery, RegExp]>([
    [
      'only some commits match',
      push('org/api', 'main', commits('a [skip notify]', 'b')),
      skipNotify,
    ],
    ['no commit matches', parseFixture('push-commits'), skipNotify],
    [
      'a commit has no message',
      push('org/api', 'main', { commits: [{ id: 'c0', message: null }] }),
      skipNotify,
    ],
    ['a branch is created (commits null)', parseFixture('push-branch-create'), /.*/],
    ['an ordinary push carries no commit list', push('org/api', 'main', { commits: null }), /.*/],
    [
      'an ordinary push carries an empty commit list',
      push('org/api', 'main', { commits: [] }),
      /.*/,
    ],
    ['a branch is deleted (commits empty)', parseFixture('push-branch-delete'), /.*/],
    ['a tag is pushed', tagPush('org/api', 'v1', commits('[skip notify]')), /.*/],
  ])('delivers despite skipCommitPattern when %s', (_, delivery, skipCommitPattern) => {
    expect(filterDelivery(delivery, filters({ skipCommitPattern }))).toBeNull();
  });

  it.each<[string, string, string | null]>([
    [
      'when the match ends within the first 1,000 characters',
      `${'x'.repeat(986)}[skip notify]${'y'.repeat(5000)}`,
      'every commit matches skipCommitPattern',
    ],
    ['not when the match ends at character 1,001', `${'x'.repeat(988)}[skip notify]`, null],
    ['not at the end of a 100,000-character message', `${'x'.repeat(100_000)}[skip notify]`, null],
  ])('skips by skipCommitPattern %s', (_, message, expected) => {
    const delivery = push('org/api', 'main', commits(message));
    expect(filterDelivery(delivery, filters({ skipCommitPattern: skipNotify }))).toBe(expected);
  });

  it('matches an anchored skipCommitPattern against the cut message', () => {
    const ending = filters({ skipCommitPattern: /y$/ });
    expect(filterDelivery(push('org/api', 'main', commits('x'.repeat(999) + 'y')), ending)).toBe(
      'every commit matches skipCommitPattern',
    );
    expect(
      filterDelivery(push('org/api', 'main', commits('x'.repeat(1000) + 'y')), ending),
    ).toBeNull();
  });

  it.each<[string, unknown]>([
    ['given as an object', { 0: { id: 'c0', message: '[skip notify]' } }],
    ['a list holding null', [null]],
    ['a list whose message is not a string', [{ id: 'c0', message: ['[skip notify]'] }]],
  ])('delivers a push whose commits are %s', (_, value) => {
    const delivery = push('org/api', 'main', { commits: value });
    expect(filterDelivery(delivery, filters({ skipCommitPattern: skipNotify }))).toBeNull();
  });

  it('skips on every call when the pattern has the /g flag', () => {
    const delivery = push('org/api', 'main', commits('x [skip notify]', 'y [skip notify]'));
    const global = filters({ skipCommitPattern: /\[skip notify\]/g });
    expect([1, 2, 3].map(() => filterDelivery(delivery, global))).toEqual(
      Array(3).fill('every commit matches skipCommitPattern'),
    );
  });

  it('checks the sender before the commits', () => {
    const delivery = push('org/api', 'main', {
      ...commits('[skip notify]'),
      sender: { login: 'bot' },
    });
    const both = filters({ ignoreSenders: ['bot'], skipCommitPattern: skipNotify });
    expect(filterDelivery(delivery, both)).toBe('sender "bot" is ignored');
  });

  it.each<[string, ParsedDelivery]>([
    ['the real Test ping', parseFixture('ping-push_hooks')],
    ['a ping to a filtered repository', ping('org/api')],
  ])('never filters %s', (_, delivery) => {
    const everything = filters({ ignoreSenders: ['robot', 'alice'], skipCommitPattern: /.*/ });
    expect(filterDelivery(delivery, everything)).toBeNull();
  });
});
