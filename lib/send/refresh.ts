import type { Deliverer, DeliveryJob, DeliveryResult } from './types';
import type { SettingsSource } from '../settings/source';

/** Answers that a rotated robot secret or webhook in SSM would fix, on any platform. */
const FIXED_BY_NEW_SETTINGS = new Set(['signature', 'token']);

/**
 * Delivers, and when a robot says the signature or token is wrong (DingTalk 310000 "sign not
 * match" or "token not exist", Feishu 19021, WeCom 93000…), re-reads the settings (the robot's
 * secret or URL may just have been rotated) and retries those robots once, if they changed.
 */
export async function deliverWithRefresh(
  jobs: DeliveryJob[],
  deps: { deliverer: Deliverer; settings: SettingsSource; deadline: number },
): Promise<DeliveryResult[]> {
  const results = await deps.deliverer.deliver(jobs, deps.deadline);
  const stale = results.flatMap((result, index) =>
    !result.ok && FIXED_BY_NEW_SETTINGS.has(result.reason) ? [index] : [],
  );
  if (stale.length === 0) return results;
  // If SSM cannot be read now, the robots' own answers are the truest report.
  const fresh = await deps.settings.refresh().catch(() => undefined);
  if (!fresh) return results;
  const retries = stale.flatMap((index) => {
    const job = jobs[index]!;
    const robot = fresh.robots.find((candidate) => candidate.name === job.robot.name);
    // The message was rendered for the job's platform: a robot moved to another one is not
    // sent it, and reports what its old address answered.
    const changed =
      robot &&
      robot.platform === job.platform.name &&
      (robot.webhook.reveal() !== job.robot.webhook.reveal() ||
        robot.secret?.reveal() !== job.robot.secret?.reveal());
    return changed ? [{ index, job: { ...job, robot } }] : [];
  });
  if (retries.length === 0) return results;
  const retried = await deps.deliverer.deliver(
    retries.map((retry) => retry.job),
    deps.deadline,
  );
  const merged = [...results];
  retries.forEach((retry, i) => {
    const previous = results[retry.index]!;
    const next = retried[i]!;
    merged[retry.index] = { ...next, attempts: previous.attempts + next.attempts };
  });
  return merged;
}
