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

/**
 * The event described once per locale and timezone of the routed robots (its links vetted
 * against links.giteeHosts): what the direct mode renders and the queued mode enqueues.
 */
export function describeForTargets(
  delivery: ParsedDelivery,
  settings: Settings,
  targets: readonly RouteTarget[],
): EventView[] {
  const repository = onGiteeHost(delivery.repository, settings.links.giteeHosts);
  const vetted = { ...delivery, repository };
  const views = new Map<string, EventView>();
  return targets.map(({ robot }) => {
    const key = `${robot.locale}\n${robot.timezone}`;
    let view = views.get(key);
    if (view === undefined) {
      view = describeEvent(vetted, { t: localeText(robot.locale), timezone: robot.timezone });
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
  const views = describeForTargets(delivery, settings, targets);
  return Promise.all(
    targets.map(({ robot, atAll }, index) =>
      renderForRobot(views[index]!, robot, settings, atAll, platforms),
    ),
  );
}
