import type { JsonResponse } from '../http/json-response';
import type { RouteTarget } from '../routing/route-delivery';
import { withinTime } from '../routing/within-time';
import { deliverWithRefresh } from '../send/refresh';
import type { DeliveryResult } from '../send/types';
import { cutName } from './cut-name';
import { enqueueTargets } from './enqueue-targets';
import type { RequestLog } from './log-request';
import { queuedPongAnswer, type PongEntry, type QueuedResult } from './queue-answers';
import { countNotQueued, type QueueStageDeps, type QueueStageInput } from './queue-deps';
import { notePingResult, takePingSlot } from './ping-slot';
import { renderJobs } from './render-jobs';

/**
 * The Test button in queue mode (issue 11): the "connected" message is sent now, within the
 * request's budget, to each robot that has a free slot in its pacing item, so the pong shows
 * the robot's real answer as in direct mode. A robot that is blocked or out of budget, or
 * whose pacing item cannot be read, gets the ping through the queue instead, and the pong
 * says `queued`. The pong is 200 either way: a robot the queue did not take shows
 * `queued: false`, counted as EnqueueFailed.
 */
export async function pingQueued(
  input: QueueStageInput,
  deps: QueueStageDeps,
  log: RequestLog,
): Promise<JsonResponse> {
  const slots = await Promise.all(input.targets.map((target) => slotFor(target, deps)));
  const now = input.targets.filter((_, index) => slots[index]);
  const later = input.targets.filter((_, index) => !slots[index]);
  const [sent, queued] = await Promise.all([
    sendNow(now, input, deps),
    later.length > 0 ? enqueueTargets({ ...input, targets: later }, deps) : [],
  ]);
  log.results = sent;
  log.queued = queued;
  countNotQueued(queued, deps.metrics);
  const noting = sent.map((result, index) => noteResult(now[index]!, result, input.deadline, deps));
  await Promise.all(noting);
  const entries = mergeInOrder(input.targets, now, sent, queued);
  return queuedPongAnswer(input.delivery, input.auth, entries);
}

async function slotFor(target: RouteTarget, deps: QueueStageDeps): Promise<boolean> {
  if (deps.store === null) return false;
  try {
    const taking = takePingSlot(deps.store, target.robot, deps.now);
    return await withinTime(taking, deps.storeTimeoutMs ?? 1000);
  } catch (error) {
    deps.logger.warn('ping: pacing item unavailable, the ping goes through the queue', {
      robot: cutName(target.robot.name),
      problem: error instanceof Error ? error.name : typeof error,
    });
    return false;
  }
}

async function sendNow(
  targets: readonly RouteTarget[],
  input: QueueStageInput,
  deps: QueueStageDeps,
): Promise<DeliveryResult[]> {
  if (targets.length === 0) return [];
  const jobs = await renderJobs(input.delivery, input.settings, targets, deps.platforms);
  return deliverWithRefresh(jobs, {
    deliverer: deps.deliverer,
    settings: deps.source,
    deadline: input.deadline,
  });
}

/** Within what is left of the budget (at least a moment): Gitee is waiting for the pong. */
async function noteResult(
  target: RouteTarget,
  result: DeliveryResult,
  deadline: number,
  deps: QueueStageDeps,
) {
  if (deps.store === null) return;
  const waitMs = Math.min(deps.storeTimeoutMs ?? 1000, Math.max(100, deadline - deps.now()));
  const noting = notePingResult(deps.store, target.robot, result, deps.now);
  await withinTime(noting, waitMs).catch(() => undefined);
}

/** Each robot's part of the pong, in route order. */
function mergeInOrder(
  targets: readonly RouteTarget[],
  now: readonly RouteTarget[],
  sent: readonly DeliveryResult[],
  queued: readonly QueuedResult[],
): PongEntry[] {
  let [s, q] = [0, 0];
  return targets.map((target) =>
    now.includes(target) ? { sent: sent[s++]! } : { queued: queued[q++]! },
  );
}
