import type { DigestEntry } from '../../platforms/chat-platform';
import { deliveryJob } from '../../send/types';
import type { RobotSettings } from '../../settings/types';
import { renderDigestTitle } from '../../templates/render-templated';
import { renderForRobot, renderOptionsFor } from '../../webhook/render-jobs';
import type { Drawn } from './attempt-send';
import type { Invocation } from './invocation';
import type { LivePending } from './pending-run';
import { noteTemplate } from './template-note';

/**
 * Draws pending events for a robot: one event as its own message (what it would have been
 * alone), several as one digest of as many from the front as the platform's limit holds.
 * A templated event's line is its template's title (issue 12). A digest the platform cannot
 * draw falls back to the first event alone, so one odd view never stalls the robot's backlog.
 */
export function drawPending(
  run: readonly LivePending[],
  pendingTotal: number,
  invocation: Invocation,
): (robot: RobotSettings) => Promise<Drawn> {
  return async (robot) => {
    const { platforms, logger } = invocation.deps;
    const { settings } = invocation;
    const platform = platforms[robot.platform];
    if (run.length > 1) {
      try {
        const entries = await Promise.all(
          run.map(({ event }) => digestEntry(event.body, robot, invocation)),
        );
        // Each entry carries its own @everyone; the robot's options are the rest.
        const options = renderOptionsFor(robot, settings, false);
        const { message, count } = platform.renderDigest(entries, {
          ...options,
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
    const job = await renderForRobot(first.view, robot, settings, first.atAll === true, platforms);
    noteTemplate(job, logger);
    return { job, count: 1 };
  };
}

async function digestEntry(
  body: LivePending['event']['body'],
  robot: RobotSettings,
  invocation: Invocation,
): Promise<DigestEntry> {
  const atAll = body.atAll === true;
  const entry = { view: body.view, atAll };
  if (robot.templates === undefined) return entry;
  const { settings } = invocation;
  const title = await renderDigestTitle(
    body.view,
    robot.templates,
    renderOptionsFor(robot, settings, atAll),
    { timezone: robot.timezone, giteeHosts: settings.links.giteeHosts },
  );
  return title === undefined ? entry : { ...entry, title };
}
