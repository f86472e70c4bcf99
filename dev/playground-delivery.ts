import { createDeliverHandler } from '../lib/delivery/deliver-handler';
import type { Logger } from '../lib/logger';
import { PLATFORMS } from '../lib/platforms';
import type { QueueMode } from '../lib/relay';
import { createMemoryReplayStore } from '../lib/routing/replay-memory';
import type { PostJson } from '../lib/send/send-one';
import type { SettingsSource } from '../lib/settings/source';
import { createMemoryPacingStore } from '../lib/store/memory-pacing';
import { createDeliveryQueues } from './queue/delivery-queues';
import { createEventSource, type InvocationReport } from './queue/event-source';
import { createInProcessQueues } from './queue/in-process-queues';
import { createSqsModel } from './queue/sqs-model';
import { watchQueueSender, type RequestTracker } from './playground-enqueued';
import type { FateFeed } from './playground-fates';

export interface EmbeddedDeliveryDeps {
  settings: SettingsSource;
  post: PostJson;
  now: () => number;
  logger: Logger;
  fates: FateFeed;
  tracker: RequestTracker;
}

export interface EmbeddedDelivery {
  /** createRelay's `delivery`: the webhook enqueues into the embedded queue. */
  relay: QueueMode;
  stop(): Promise<void>;
}

/**
 * Queue mode in one process, with nothing to install: the SQS model (FIFO group lock, dedup,
 * visibility, DLQ) holds the delivery queue and its DLQ as the stack declares them, the
 * memory pacing store stands in for the table, and the event source mapping emulator polls
 * in real time and hands batches to the deliver function's own handler. The consumer's
 * outcomes, and what the webhook enqueued, feed the playground's fates.
 */
export function startEmbeddedDelivery(deps: EmbeddedDeliveryDeps): EmbeddedDelivery {
  const { settings, now, logger, fates } = deps;
  const model = createSqsModel({ now });
  const urls = createDeliveryQueues(model, { stage: 'local' });
  const queues = createInProcessQueues(model, urls);
  const store = createMemoryPacingStore({ now });
  const handler = createDeliverHandler({
    settings,
    platforms: PLATFORMS,
    queues: queues.consumer,
    store,
    post: deps.post,
    now,
    logger,
    observe: (outcome) => fates.observe(outcome),
  });
  const source = createEventSource({
    model,
    queue: urls.delivery,
    handler,
    onInvocation: (report) => reportThrow(report, logger),
  });
  source.start();
  return {
    relay: {
      mode: 'queue',
      queue: watchQueueSender(queues.sender, { feed: fates, tracker: deps.tracker, settings }),
      store,
      replays: createMemoryReplayStore({ now }),
      bursts: createMemoryReplayStore({ now }),
    },
    stop: () => source.stop(),
  };
}

/** The handler never throws for an expected outcome: a throw is a bug worth a log line. */
function reportThrow(report: InvocationReport, logger: Logger): void {
  if (report.batchFailure === undefined) return;
  logger.error('deliver function failed a whole batch', {
    failure: report.batchFailure,
    records: report.records.length,
    // The name only: a message could quote what the function was handling.
    error: report.error instanceof Error ? report.error.name : typeof report.error,
  });
}
