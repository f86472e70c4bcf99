import { deliveryJob } from '../../send/types';
import type { RobotSettings } from '../../settings/types';
import { localeText } from '../../view/locales/locale-text';
import { renderForRobot } from '../../webhook/render-jobs';
import type { Drawn } from './attempt-send';
import type { Invocation } from './invocation';
import type { LivePending } from './pending-run';

/**
 * Draws pending events for a robot: one event as its own message (what it would have been
 * alone), several as one digest of as many from the front as the platform's limit holds.
 * A digest the platform cannot draw falls back to the first event alone, so one odd view
 * never stalls the robot's backlog.
 */
export function drawPending(
  run: readonly LivePending[],
  pendingTotal: number,
  invocation: Invocation,
): (robot: RobotSettings) => Drawn {
  return (robot) => {
    const { platforms, logger } = invocation.deps;
    const { settings } = invocation;
    const platform = platforms[robot.platform];
    if (run.length > 1 && platform.renderDigest) {
      try {
        const entries = run.map(({ event }) => ({
          view: event.body.view,
          atAll: event.body.atAll === true,
        }));
        const { message, count } = platform.renderDigest(entries, {
          msgtype: robot.msgtype,
          t: localeText(robot.locale),
          keywords: robot.keywords,
          mentions: settings.mentions,
          maxCommits: robot.maxCommits,
          linkMode: robot.linkMode,
          pending: pendingTotal,
        });
        const included = Math.max(1, Math.min(run.length, Math.floor(count)));
        return { job: deliveryJob(robot, platform, message), count: included };
      } catch (error) {
        const words = error instanceof Error ? error.name : 'unknown error';
        logger.warn('digest could not be drawn; sending the first event alone', {
          robot: robot.name,
          error: words,
        });
      }
    }
    const first = run[0]!.event.body;
    const job = renderForRobot(first.view, robot, settings, first.atAll === true, platforms);
    return { job, count: 1 };
  };
}
