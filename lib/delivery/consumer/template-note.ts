import type { Logger } from '../../logger';
import type { DeliveryJob } from '../../send/types';
import { cutName } from '../../webhook/cut-name';

/** A template that fell back to the built-in message says why in the log (issue 12). */
export function noteTemplate(job: DeliveryJob, logger: Logger): void {
  if (job.template?.fallback === undefined) return;
  logger.warn('template failed; the built-in message was sent', {
    robot: cutName(job.robot.name),
    template: job.template.key,
    problem: job.template.fallback,
  });
}
