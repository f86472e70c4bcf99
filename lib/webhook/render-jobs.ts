import type { ParsedDelivery } from '../gitee/event';
import type { Platforms } from '../platforms';
import type { RouteTarget } from '../routing/route-delivery';
import { deliveryJob, type DeliveryJob } from '../send/types';
import type { Settings } from '../settings/types';
import { describeEvent } from '../view/describe-event';
import type { EventView } from '../view/event-view';
import { onGiteeHost } from '../view/gitee-links';
import { localeText } from '../view/locales/locale-text';

/**
 * One message per routed robot: the event described once per locale and timezone (its links
 * vetted against links.giteeHosts), then drawn by each robot's platform with that robot's
 * msgtype, keywords and mentions.
 */
export function renderJobs(
  delivery: ParsedDelivery,
  settings: Settings,
  targets: readonly RouteTarget[],
  platforms: Platforms,
): DeliveryJob[] {
  const repository = onGiteeHost(delivery.repository, settings.links.giteeHosts);
  const vetted = { ...delivery, repository };
  const views = new Map<string, EventView>();
  return targets.map(({ robot, atAll }) => {
    const t = localeText(robot.locale);
    const key = `${robot.locale}\n${robot.timezone}`;
    let view = views.get(key);
    if (view === undefined) {
      view = describeEvent(vetted, { t, timezone: robot.timezone });
      views.set(key, view);
    }
    const platform = platforms[robot.platform];
    const message = platform.render(view, {
      msgtype: robot.msgtype,
      t,
      keywords: robot.keywords,
      mentions: settings.mentions,
      atAll,
      maxCommits: robot.maxCommits,
      linkMode: robot.linkMode,
    });
    return deliveryJob(robot, platform, message);
  });
}
