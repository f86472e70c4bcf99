import type { ParsedDelivery } from '../gitee/event';
import type { Platforms } from '../platforms';
import type { RouteTarget } from '../routing/route-delivery';
import { deliveryJob, type DeliveryJob } from '../send/types';
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

/**
 * One robot's message for a view, drawn by the robot's platform with its msgtype, keywords
 * and mentions: the webhook's (direct mode) and the consumer's (queued mode, with the
 * robot's settings at delivery time).
 */
export function renderForRobot(
  view: EventView,
  robot: RobotSettings,
  settings: Settings,
  atAll: boolean,
  platforms: Platforms,
): DeliveryJob {
  const platform = platforms[robot.platform];
  const message = platform.render(view, {
    msgtype: robot.msgtype,
    t: localeText(robot.locale),
    keywords: robot.keywords,
    mentions: settings.mentions,
    atAll,
    maxCommits: robot.maxCommits,
    linkMode: robot.linkMode,
  });
  return deliveryJob(robot, platform, message);
}

/** One message per routed robot (direct mode). */
export function renderJobs(
  delivery: ParsedDelivery,
  settings: Settings,
  targets: readonly RouteTarget[],
  platforms: Platforms,
): DeliveryJob[] {
  const views = describeForTargets(delivery, settings, targets);
  return targets.map(({ robot, atAll }, index) =>
    renderForRobot(views[index]!, robot, settings, atAll, platforms),
  );
}
