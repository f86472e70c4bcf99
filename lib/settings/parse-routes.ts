import { EVENT_ACTIONS, EVENT_KINDS, isEventKind } from '../gitee/actions';
import { compileGlob } from './glob';
import type { Route } from './types';
import {
  checkKeys,
  childPath,
  describeName,
  describeShape,
  readBoolean,
  readMapping,
  readStringList,
  type Problems,
} from './config-fields';

export const ROUTE_KEYS = ['repos', 'events', 'branches', 'robots', 'atAll'] as const;

/** `routes:` — absent (or empty `routes:`) means every event goes to every robot. */
export function readRoutes(
  value: unknown,
  robotNames: readonly string[],
  problems: Problems,
): Route[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`routes: must be a list (got ${describeShape(value)})`);
    return undefined;
  }
  return value.map((item, index) => readRoute(item, `routes[${index}]`, robotNames, problems));
}

function readRoute(
  value: unknown,
  path: string,
  robotNames: readonly string[],
  problems: Problems,
): Route {
  const mapping = readMapping(value, path, problems);
  if (!mapping) {
    if (value === null || value === undefined)
      problems.push(`${path}: must be a mapping (got nothing)`);
    return { robots: [], atAll: false };
  }
  checkKeys(mapping, ROUTE_KEYS, path, problems);
  const repos = readConditionList(mapping, 'repos', path, problems, checkGlob);
  const events = readConditionList(mapping, 'events', path, problems, checkEvent);
  const branches = readConditionList(mapping, 'branches', path, problems, checkGlob);
  const route: Route = {
    ...(repos && { repos }),
    ...(events && { events }),
    ...(branches && { branches }),
    robots: readRobotList(mapping.get('robots'), childPath(path, 'robots'), robotNames, problems),
    atAll: readBoolean(mapping.get('atAll'), childPath(path, 'atAll'), problems) ?? false,
  };
  return route;
}

/** An optional condition: absent means "any"; an empty list would match nothing, so it is refused. */
function readConditionList(
  mapping: Map<string, unknown>,
  key: string,
  path: string,
  problems: Problems,
  check: (item: string) => string | null,
): string[] | undefined {
  const at = childPath(path, key);
  const items = readStringList(mapping.get(key), at, problems);
  if (!items) return undefined;
  if (items.length === 0) problems.push(`${at}: must not be empty (leave it out to match any)`);
  items.forEach((item, index) => {
    const problem = check(item);
    if (problem) problems.push(`${at}[${index}]: ${problem}`);
  });
  return items;
}

function checkGlob(pattern: string): string | null {
  try {
    compileGlob(pattern);
    return null;
  } catch (error) {
    return `invalid glob ${describeName(pattern)} (${(error as Error).message})`;
  }
}

/** `push`, or `pull_request.merge`: the product's names (lib/gitee/actions.ts). */
function checkEvent(name: string): string | null {
  const [kind = '', action, ...rest] = name.split('.');
  if (!isEventKind(kind)) {
    return `unknown event ${describeName(kind)}; known: ${EVENT_KINDS.join(', ')}`;
  }
  const actions = EVENT_ACTIONS[kind];
  if (rest.length > 0 || (action !== undefined && !actions.includes(action))) {
    const got = describeName([action, ...rest].join('.'));
    return `unknown action ${got} for ${kind}; known: ${actions.join(', ')}`;
  }
  return null;
}

function readRobotList(
  value: unknown,
  path: string,
  robotNames: readonly string[],
  problems: Problems,
): string[] {
  if (value === null || value === undefined) {
    problems.push(`${path}: required (a list of robot names)`);
    return [];
  }
  const robots = readStringList(value, path, problems) ?? [];
  if (Array.isArray(value) && value.length === 0)
    problems.push(`${path}: must name at least one robot`);
  const known = robotNames.length > 0 ? robotNames.join(', ') : '(none)';
  robots.forEach((robot, index) => {
    if (!robotNames.includes(robot)) {
      problems.push(`${path}[${index}]: no robot ${describeName(robot)}; known: ${known}`);
    }
  });
  return robots;
}
