import { buildQueueMessage, eventEntry } from '../delivery/build-message';
import { deduplicationId } from '../delivery/dedup-id';
import { enqueueEntries } from '../delivery/enqueue';
import type { QueueSender } from '../delivery/ports';
import type { ParsedDelivery } from '../gitee/event';
import type { RouteTarget } from '../routing/route-delivery';
import type { Settings } from '../settings/types';
import type { QueuedResult } from './queue-answers';
import { describeForTargets } from './render-jobs';

export interface EnqueueTargetsInput {
  delivery: ParsedDelivery;
  settings: Settings;
  targets: readonly RouteTarget[];
  /** When the webhook received the delivery (epoch ms). */
  receivedAt: number;
  /** X-Gitee-Timestamp: a ping's deduplication id. */
  giteeTimestamp: string | undefined;
  deadline: number;
}

export interface EnqueueTargetsDeps {
  queue: QueueSender;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One message per routed robot into the delivery queue: the event described once per locale
 * and time zone, compacted for each robot, keyed by its deduplication id and grouped by the
 * robot's credential. Answers each robot's result in target order.
 */
export async function enqueueTargets(
  input: EnqueueTargetsInput,
  deps: EnqueueTargetsDeps,
): Promise<QueuedResult[]> {
  const { delivery, targets } = input;
  // Always with the template fields: the consumer renders with the settings it loads then.
  const views = describeForTargets(delivery, input.settings, targets, { fields: 'always' });
  const entries = targets.map(({ robot, atAll }, index) => {
    const key = deduplicationId(robot.name, delivery, input.giteeTimestamp);
    const view = views[index]!;
    const body = buildQueueMessage({
      robot,
      view,
      delivery,
      key,
      receivedAt: input.receivedAt,
      atAll,
    });
    return eventEntry(`m${index}`, robot, body);
  });
  const outcome = await enqueueEntries(entries, input.deadline, deps);
  return targets.map(({ robot }, index): QueuedResult => {
    const result = outcome.get(`m${index}`);
    const base = { robot: robot.name, platform: robot.platform };
    if (result?.ok) return { ...base, queued: true };
    return { ...base, queued: false, error: result?.error ?? 'deadline' };
  });
}
