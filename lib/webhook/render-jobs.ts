import type { ParsedDelivery } from '../gitee/event';
import type { Platforms } from '../platforms';
import type { RouteTarget } from '../routing/route-delivery';
import type { RenderOptions } from '../platforms/chat-platform';
import { deliveryJob, type DeliveryJob } from '../send/types';
import { renderTemplatedOrBuiltIn } from '../templates/render-templated';
import type { RobotSettings, Settings } from '../settings/types';
import { describeEvent } from '../view/describe-event';
import type { EventView } from '../view/event-view';
import { onGiteeHost } from '../view/gitee-links';
import { localeText } from '../view/locales/locale-text';

export interface DescribeTargetsOptions {
  /**
   * Which views carry the template fields: `'always'` (queue mode: the consumer renders with
   * the robot's settings at delivery time, which may by then hold a template) or
   * `'when-templated'` (direct mode: only a view some routed robot renders with a template,
   * so a relay without templates does not pay for them). Default `'always'`: a caller that
   * does not say gets views any template can read (the playground's editor needs that).
   */
  fields: 'always' | 'when-templated';
}

/**
 * The event described once per locale and timezone of the routed robots (its links vetted
 * against links.giteeHosts): what the direct mode renders and the queued mode enqueues.
 */
export function describeForTargets(
  delivery: ParsedDelivery,
  settings: Settings,
  targets: readonly RouteTarget[],
  options: DescribeTargetsOptions = { fields: 'always' },
): EventView[] {
  const repository = onGiteeHost(delivery.repository, settings.links.giteeHosts);
  const vetted = { ...delivery, repository };
  const keyOf = (robot: RobotSettings) => `${robot.locale}\n${robot.timezone}`;
  const templated = new Set(
    targets.filter(({ robot }) => robot.templates !== undefined).map(({ robot }) => keyOf(robot)),
  );
  const views = new Map<string, EventView>();
  return targets.map(({ robot }) => {
    const key = keyOf(robot);
    let view = views.get(key);
    if (view === undefined) {
      const fields = options.fields === 'always' || templated.has(key);
      const ctx = { t: localeText(robot.locale), timezone: robot.timezone };
      view = describeEvent(vetted, ctx, { fields });
      views.set(key, view);
    }
    return view;
  });
}

/** A robot's message options, from its settings and what the route asked for. */
export function renderOptionsFor(
  robot: RobotSettings,
  settings: Settings,
  atAll: boolean,
): RenderOptions {
  return {
    msgtype: robot.msgtype,
    t: localeText(robot.locale),
    keywords: robot.keywords,
    mentions: settings.mentions,
    atAll,
    maxCommits: robot.maxCommits,
    linkMode: robot.linkMode,
  };
}

/**
 * One robot's message for a view: its template's when one matches the event (issue 12),
 * else the built-in one, drawn by the robot's platform with its msgtype, keywords and
 * mentions. The webhook's (direct mode) and the consumer's (queued mode, with the robot's
 * settings at delivery time). Never rejects; a template that failed is named on the job
 * (`template.fallback`) for the caller's log line.
 */
export async function renderForRobot(
  view: EventView,
  robot: RobotSettings,
  settings: Settings,
  atAll: boolean,
  platforms: Platforms,
): Promise<DeliveryJob> {
  const platform = platforms[robot.platform];
  const options = renderOptionsFor(robot, settings, atAll);
  if (robot.templates === undefined)
    return deliveryJob(robot, platform, platform.render(view, options));
  const result = await renderTemplatedOrBuiltIn({
    view,
    platform,
    options,
    templates: robot.templates,
    timezone: robot.timezone,
    giteeHosts: settings.links.giteeHosts,
  });
  const job = deliveryJob(robot, platform, result.message);
  if (result.kind === 'built-in') return job;
  const template =
    result.kind === 'fallback'
      ? { key: result.template, fallback: result.reason }
      : { key: result.template };
  return { ...job, template };
}

/** One message per routed robot (direct mode). */
export function renderJobs(
  delivery: ParsedDelivery,
  settings: Settings,
  targets: readonly RouteTarget[],
  platforms: Platforms,
): Promise<DeliveryJob[]> {
  const views = describeForTargets(delivery, settings, targets, { fields: 'when-templated' });
  return Promise.all(
    targets.map(({ robot, atAll }, index) =>
      renderForRobot(views[index]!, robot, settings, atAll, platforms),
    ),
  );
}
