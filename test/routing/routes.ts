import type { ParsedDelivery } from '../../lib/gitee/event';
import { routeDelivery } from '../../lib/routing/route-delivery';
import type { Route } from '../../lib/settings/types';
import { testRobot } from '../helpers/robots';

/** Three robots, in the order `settings.robots` lists them. */
export const robots = [testRobot('backend'), testRobot('release'), testRobot('ops')];

/** A route to `backend` without @all, with these conditions. */
export function route(conditions: Partial<Route>): Route {
  return { robots: ['backend'], atAll: false, ...conditions };
}

/** "backend", "release@all", or "skip: <reason>". */
export function outcome(delivery: ParsedDelivery, routes: Route[] | undefined): string[] | string {
  const decision = routeDelivery(delivery, { robots, routes });
  if (decision.kind === 'skip') return `skip: ${decision.reason}`;
  return decision.targets.map(({ robot, atAll }) => (atAll ? `${robot.name}@all` : robot.name));
}

/** Whether a single route with these conditions takes the delivery. */
export function matches(conditions: Partial<Route>, delivery: ParsedDelivery): boolean {
  return Array.isArray(outcome(delivery, [route(conditions)]));
}
