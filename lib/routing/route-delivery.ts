import { assertNever, type GiteeEvent, type ParsedDelivery } from '../gitee/event';
import { matchesGlob } from '../settings/glob';
import type { RobotSettings, Route, Settings } from '../settings/types';

export interface RouteTarget {
  robot: RobotSettings;
  atAll: boolean;
}

export type RouteDecision =
  { kind: 'send'; targets: RouteTarget[] } | { kind: 'skip'; reason: string };

/** What a route's `branches` condition is tested against; `name` undefined when Gitee sent none. */
interface BranchRef {
  label: 'branch' | 'tag';
  name: string | undefined;
}

/**
 * Globs are the operator's, names the payload's: a name longer than this (no real branch or
 * repository path comes near it) matches no glob. Some globs backtrack badly (`*-*` between
 * two `**` segments takes seconds over 100 KB of dashes); a forged ref never gets that far.
 */
const MAX_MATCHED_NAME = 1000;

/**
 * The parser refines issue `state_change` into close / reopen / reject by the new state
 * (lib/gitee/parse.ts). Someone who asks for `issue.state_change` wants every change of state,
 * so that entry also takes the refined actions; `issue.close` still means closing only.
 */
const ISSUE_STATE_CHANGES: ReadonlySet<string> = new Set([
  'close',
  'reopen',
  'reject',
  'state_change',
]);

/**
 * Which robots get this delivery (issue 4, "Config"): every route whose conditions all match
 * adds its robots; each robot once, in `settings.robots` order, with @all if any of its
 * matching routes asks for it. No `routes` at all means every robot.
 */
export function routeDelivery(
  delivery: ParsedDelivery,
  settings: Pick<Settings, 'robots' | 'routes'>,
): RouteDecision {
  const { robots, routes } = settings;
  if (robots.length === 0) return { kind: 'skip', reason: 'no robot is configured' };
  if (routes === undefined) return send(robots.map((robot) => ({ robot, atAll: false })));
  if (delivery.kind === 'ping') return routePing(delivery.repository.path, robots, routes);
  const matching = routes.filter((route) => routeMatches(route, delivery));
  const targets = collectTargets(robots, matching);
  if (targets.length > 0) return send(targets);
  // Config validation refuses unknown robot names; this only guards a settings object built
  // elsewhere, and says so rather than blaming the routes' conditions.
  const reason =
    matching.length === 0
      ? `no route matches ${describeEvent(delivery)}`
      : `routes match ${describeEvent(delivery)} but name no configured robot`;
  return { kind: 'skip', reason };
}

/**
 * The person clicking Test in Gitee must see the chain work, and the ping's canned push data
 * says nothing about real events or branches: so only `repos` is honoured, with the hook's own
 * repository. No @all: a test click should not ring the whole group.
 */
function routePing(path: string, robots: RobotSettings[], routes: Route[]): RouteDecision {
  const forRepo = routes.filter((route) => reposMatch(route.repos, path));
  const targets = collectTargets(robots, forRepo).map(({ robot }) => ({ robot, atAll: false }));
  return send(targets.length > 0 ? targets : robots.map((robot) => ({ robot, atAll: false })));
}

function routeMatches(route: Route, event: GiteeEvent): boolean {
  return (
    reposMatch(route.repos, event.repository.path) &&
    (route.events === undefined || route.events.some((entry) => eventMatches(entry, event))) &&
    branchesMatch(route.branches, branchOf(event))
  );
}

function reposMatch(patterns: string[] | undefined, path: string): boolean {
  return patterns === undefined || patterns.some((pattern) => globMatches(pattern, path));
}

function globMatches(pattern: string, name: string): boolean {
  return name.length <= MAX_MATCHED_NAME && matchesGlob(pattern, name);
}

/** An entry is an event kind (`push`) or `kind.action` (`pull_request.merge`). */
function eventMatches(entry: string, event: GiteeEvent): boolean {
  if (entry === event.kind || entry === `${event.kind}.${event.action}`) return true;
  return (
    entry === 'issue.state_change' &&
    event.kind === 'issue' &&
    ISSUE_STATE_CHANGES.has(event.action)
  );
}

/**
 * Events without a branch (issues, comments on issues or commits) pass the `branches`
 * condition: a route "events: [push, issue], branches: [main]" means "pushes to main, and
 * issues", and must still get the issues. A branch Gitee did not send never matches.
 */
function branchesMatch(patterns: string[] | undefined, branch: BranchRef | null): boolean {
  if (patterns === undefined || branch === null) return true;
  const name = branch.name;
  return name !== undefined && patterns.some((pattern) => globMatches(pattern, name));
}

/** push/tag_push: the ref's name; pull requests and comments on them: the target branch. */
function branchOf(event: GiteeEvent): BranchRef | null {
  switch (event.kind) {
    case 'push':
      return { label: 'branch', name: refName(event.payload.ref) };
    case 'tag_push':
      return { label: 'tag', name: refName(event.payload.ref) };
    case 'pull_request': {
      const { target_branch: target, pull_request: pr } = event.payload;
      return { label: 'branch', name: nonEmpty(target) ?? nonEmpty(pr.base?.ref) };
    }
    case 'comment': {
      const pr = event.payload.pull_request;
      return pr ? { label: 'branch', name: nonEmpty(pr.base?.ref) } : null;
    }
    case 'issue':
      return null;
    default:
      return assertNever(event);
  }
}

function refName(ref: string | null | undefined): string | undefined {
  return nonEmpty(ref?.replace(/^refs\/(heads|tags)\//, ''));
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

/** "pull_request.merge in org/api (branch main)": names every condition a route tests. */
function describeEvent(event: GiteeEvent): string {
  const branch = branchOf(event);
  const where = branch ? ` (${branch.label} ${branch.name ?? 'unknown'})` : '';
  return `${event.kind}.${event.action} in ${event.repository.path}${where}`;
}

function collectTargets(robots: RobotSettings[], routes: Route[]): RouteTarget[] {
  return robots.flatMap((robot) => {
    const mine = routes.filter((route) => route.robots.includes(robot.name));
    return mine.length === 0 ? [] : [{ robot, atAll: mine.some((route) => route.atAll) }];
  });
}

function send(targets: RouteTarget[]): RouteDecision {
  return { kind: 'send', targets };
}
