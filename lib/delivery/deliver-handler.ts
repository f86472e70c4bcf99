import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Logger } from '../logger';
import type { MetricName, WriteMetrics } from '../metrics/emf';
import type { Platforms } from '../platforms';
import type { PostJson } from '../send/send-one';
import type { SettingsSource } from '../settings/source';
import { deliverEventGroup, errorName } from './consumer/event-group';
import { deliverFlushGroup } from './consumer/flush-group';
import { createInvocation, type ConsumerDeps, type Invocation } from './consumer/invocation';
import { groupRecords, recordFacts, type RecordFacts } from './consumer/record-facts';
import { SEND_WINDOW_MS } from './consumer/send-job';
import { deferEvents, deferRecords } from './consumer/visibility';
import type { DeliveryOutcome } from './outcome';
import type { ConsumerQueues, PacingStore } from './ports';

export interface DeliverDeps {
  settings: SettingsSource;
  platforms: Platforms;
  /** Production: the SQS JSON client; locally and in tests, in-process queues. */
  queues: ConsumerQueues;
  /** Production: the DynamoDB table; locally and in tests, memory. */
  store: PacingStore;
  post: PostJson;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter and token nonces; tests pass a seeded one. */
  random?: () => number;
  logger: Logger;
  metrics?: WriteMetrics;
  observe?: (outcome: DeliveryOutcome) => void;
  /**
   * The function's time when Lambda gives no context (tests, `npm start`); default 30 s.
   * With a context, its getRemainingTimeInMillis() decides.
   */
  timeoutMs?: number;
}

export type DeliverHandler = (
  event: SQSEvent,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<SQSBatchResponse>;

/** Left after the last send settles: pace writes, DLQ sends and visibility changes. */
const CLOSING_MS = 3000;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How the consumer keeps its promises (issue 11):
 * - Pacing: a send takes a slot in the robot's pace item by a conditional write before it
 *   POSTs, so every container and the webhook's ping share one budget (budgets.ts).
 * - Order: a robot's records arrive in order (FIFO group); one sent alone never overtakes a
 *   pending backlog or a token that is out; after the first record the store could not
 *   take, that one and the rest of its group stay in the queue.
 * - Waiting happens in the table, not the queue: an event that cannot go now (blocked, no
 *   slot, backing off, out of time) is stored as pending and its record deleted, and only the
 *   robot's flush token waits, by its visibility. So event records keep low receive counts,
 *   and nothing depends on whether Lambda keeps or resets the visibility of a failed record:
 *   whatever the token meets when it comes back, it checks the pace item first.
 * - Nothing lost: a record is deleted only once its event was sent, stored, or taken by the
 *   DLQ; a failure of the store, the DLQ or the settings keeps it in the queue (with a
 *   backoff on every kept record of the group, since SQS holds a group while any of its
 *   messages is in flight).
 *
 * The deliver function (issue 11): a batch of at most 10 records from the FIFO delivery
 * queue, grouped by message group. Groups run side by side, a group's records in order.
 * Event groups (`r-…`) send alone or store for a digest; flush token groups (`f-…`) send
 * the digests. Returns the records to keep in the queue (ReportBatchItemFailures); a record
 * moved to the DLQ is not among them, so Lambda deletes it. Never throws: a group that meets
 * an unexpected error keeps its records, which SQS delivers again.
 */
export function createDeliverHandler(deps: DeliverDeps): DeliverHandler {
  const consumer: ConsumerDeps = {
    ...deps,
    sleep: deps.sleep ?? sleepFor,
    random: deps.random ?? Math.random,
  };
  return async (event, context) => {
    const start = deps.now();
    const records = (event.Records ?? []).map((record) => recordFacts(record, start));
    const remaining = context?.getRemainingTimeInMillis() ?? deps.timeoutMs ?? 30_000;
    const deadline = start + remaining - CLOSING_MS;
    const counts: Partial<Record<MetricName, number>> = {};
    let failed: RecordFacts[];
    try {
      const settings = await deps.settings.get();
      const invocation = createInvocation({
        deps: consumer,
        settings,
        deadline,
        sendsUntil: deadline - SEND_WINDOW_MS,
        observe: deps.observe,
        counts,
      });
      const groups = groupRecords(records);
      failed = (await Promise.all(groups.map((group) => deliverGroup(group, invocation)))).flat();
    } catch (error) {
      // No settings, no robots: everything waits for them, in the queue.
      deps.logger.error('delivery settings unavailable', { error: errorName(error) });
      failed = records;
      await deferRecords(records, consumer);
    }
    deps.metrics?.(counts);
    const kept = new Set(failed.map((record) => record.messageId));
    return {
      batchItemFailures: records
        .filter((record) => kept.has(record.messageId))
        .map((record) => ({ itemIdentifier: record.messageId })),
    };
  };
}

async function deliverGroup(group: RecordFacts[], invocation: Invocation): Promise<RecordFacts[]> {
  const flush = group[0]!.groupId.startsWith('f-');
  try {
    if (flush) return await deliverFlushGroup(group, invocation);
    // A flush token sets its own visibility; event records wait out a backoff.
    const failed = await deliverEventGroup(group, invocation);
    await deferEvents(failed, invocation);
    return failed;
  } catch (error) {
    invocation.deps.logger.error('delivery group failed', {
      group: group[0]!.groupId,
      error: errorName(error),
    });
    if (flush) await deferRecords(group, invocation.deps);
    else await deferEvents(group, invocation);
    return group;
  }
}
