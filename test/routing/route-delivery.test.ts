import type { ParsedDelivery } from '../../lib/gitee/event';
import { routeDelivery } from '../../lib/routing/route-delivery';
import type { Route } from '../../lib/settings/types';
import { parseFixture } from '../helpers/parse-fixture';
import { comment, issue, ping, pullRequest, push, tagPush } from './deliveries';
import { outcome, route } from './routes';

describe('routeDelivery', () => {
  it('sends to every robot without @all when no routes are configured', () => {
    expect(outcome(parseFixture('push-commits'), undefined)).toEqual(['backend', 'release', 'ops']);
  });

  it.each<[string, Route[] | undefined, ParsedDelivery]>([
    ['routes absent', undefined, push('org/api', 'main')],
    ['routes present', [route({})], push('org/api', 'main')],
    ['a ping', undefined, ping('org/api')],
  ])('skips with "no robot is configured" when there is no robot (%s)', (_, routes, delivery) => {
    expect(routeDelivery(delivery, { robots: [], routes })).toEqual({
      kind: 'skip',
      reason: 'no robot is configured',
    });
  });

  it.each<[string, Route[], string[]]>([
    [
      'adds each robot once when several matching routes name it',
      [route({ robots: ['release', 'backend'] }), route({ events: ['push'], robots: ['backend'] })],
      ['backend', 'release'],
    ],
    [
      'lists robots in settings.robots order, not route order',
      [route({ robots: ['ops'] }), route({ robots: ['backend'] })],
      ['backend', 'ops'],
    ],
    [
      'gives @all when any matching route for the robot asks for it',
      [route({ robots: ['backend', 'ops'] }), route({ events: ['push'], atAll: true })],
      ['backend@all', 'ops'],
    ],
    [
      'ignores @all of a route that does not match',
      [route({ robots: ['backend'] }), route({ events: ['issue'], atAll: true })],
      ['backend'],
    ],
  ])('%s', (_, routes, expected) => {
    expect(outcome(push('org/api', 'main'), routes)).toEqual(expected);
  });

  it.each<[string, ParsedDelivery, Route[], string]>([
    [
      'a merge no route wants',
      pullRequest('org/api', 'merge'),
      [route({ events: ['push'] })],
      'no route matches pull_request.merge in org/api (branch main)',
    ],
    [
      'an issue of another repo',
      issue('org/api', 'open'),
      [route({ repos: ['org/web-*'] })],
      'no route matches issue.open in org/api',
    ],
    [
      'a tag not in branches',
      tagPush('org/api', 'v1.0'),
      [route({ branches: ['main'] })],
      'no route matches tag_push.create in org/api (tag v1.0)',
    ],
    [
      'a push with an empty routes list',
      push('org/api', 'dev'),
      [],
      'no route matches push.push in org/api (branch dev)',
    ],
    [
      'a comment on a pull request',
      comment('org/api', { pullRequestInto: 'main' }),
      [route({ events: ['issue'] })],
      'no route matches comment.comment in org/api (branch main)',
    ],
    [
      'a push without a ref',
      push('org/api', 'main', { ref: null }),
      [route({ branches: ['main'] })],
      'no route matches push.push in org/api (branch unknown)',
    ],
    [
      'a route naming an unknown robot',
      push('org/api', 'main'),
      [route({ robots: ['bakend'] })],
      'routes match push.push in org/api (branch main) but name no configured robot',
    ],
  ])('skips %s with a reason naming the event', (_, delivery, routes, reason) => {
    expect(outcome(delivery, routes)).toBe(`skip: ${reason}`);
  });

  describe('given payload fields of the wrong type', () => {
    it.each<[string, unknown]>([
      ['an object', { name: 'main' }],
      ['a number', 7],
      ['an object whose toString is data', { toString: 'main' }],
    ])('routes a pull request by its base when target_branch is %s', (_, target) => {
      const delivery = pullRequest('org/api', 'open', { extra: { target_branch: target } });
      expect(outcome(delivery, [route({ branches: ['main'] })])).toEqual(['backend']);
    });

    it('reads a base ref of the wrong type as no branch', () => {
      const delivery = pullRequest('org/api', 'open', {
        extra: { target_branch: null, pull_request: { number: 7, base: { ref: ['main'] } } },
      });
      expect(outcome(delivery, [route({ branches: ['**'] })])).toBe(
        'skip: no route matches pull_request.open in org/api (branch unknown)',
      );
    });
  });

  describe('given names longer than any real one', () => {
    const long = (length: number) => 'b'.repeat(length);

    it('matches branches against a name of up to 1,000 characters', () => {
      expect(outcome(push('org/api', long(1000)), [route({ branches: ['**'] })])).toEqual([
        'backend',
      ]);
    });

    it.each<[string, ParsedDelivery, Partial<Route>]>([
      ['a branch', push('org/api', long(1001)), { branches: ['**'] }],
      ['a tag', tagPush('org/api', long(1001)), { branches: ['**'] }],
      ['a repository path', push(`org/${long(1000)}`, 'main'), { repos: ['**'] }],
    ])('lets no glob match %s of over 1,000 characters', (_, delivery, conditions) => {
      expect(outcome(delivery, [route(conditions)])).toMatch(/^skip: no route matches/);
    });

    it('sends the Test ping of an over-long repository path to every robot', () => {
      const routes = [route({ repos: ['**'], robots: ['ops'] })];
      expect(outcome(ping(`org/${long(1000)}`), routes)).toEqual(['backend', 'release', 'ops']);
    });
  });

  describe('for the Test ping', () => {
    it('sends to routes of the hook repository ignoring events, branches and @all', () => {
      const routes = [
        route({
          repos: ['gy2006/*'],
          events: ['issue'],
          branches: ['x'],
          robots: ['release'],
          atAll: true,
        }),
        route({ repos: ['org/*'], robots: ['ops'] }),
        route({ events: ['tag_push'], robots: ['backend'] }),
      ];
      expect(outcome(parseFixture('ping-push_hooks'), routes)).toEqual(['backend', 'release']);
    });

    it.each<[string, Route[] | undefined]>([
      ['no route is for its repository', [route({ repos: ['org/*'], robots: ['ops'] })]],
      ['the routes list is empty', []],
      ['routes are absent', undefined],
    ])('sends to every robot when %s', (_, routes) => {
      expect(outcome(ping('other/repo'), routes)).toEqual(['backend', 'release', 'ops']);
    });
  });
});
