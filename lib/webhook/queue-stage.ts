import type { JsonResponse } from '../http/json-response';
import { enqueueTargets } from './enqueue-targets';
import type { RequestLog } from './log-request';
import { queuedAnswer, queueUnavailableAnswer } from './queue-answers';
import { countNotQueued, type QueueStageDeps, type QueueStageInput } from './queue-deps';
import { pingQueued } from './queue-ping';

/**
 * The queue-mode end of the pipeline (issue 11, "Webhook answers in queue mode"): every routed
 * robot's message into the delivery queue, answered 202 once SQS took them all, else 503 with
 * each robot's state, counted as EnqueueFailed (the alarm's metric) and logged at error level
 * by the request line. A ping is sent now where a slot is free (queue-ping.ts).
 */
export async function deliverQueued(
  input: QueueStageInput,
  deps: QueueStageDeps,
  log: RequestLog,
): Promise<JsonResponse> {
  if (input.delivery.kind === 'ping') return pingQueued(input, deps, log);
  const results = await enqueueTargets(input, deps);
  log.queued = results;
  if (countNotQueued(results, deps.metrics) === 0) {
    return queuedAnswer(input.delivery, input.auth, results);
  }
  return queueUnavailableAnswer(results);
}
