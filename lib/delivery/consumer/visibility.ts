import { jitteredBackoffMs } from '../budgets';
import { parseQueueMessage } from '../parse-message';
import type { ConsumerDeps, Invocation } from './invocation';
import type { RecordFacts } from './record-facts';

/** ChangeMessageVisibility's range: at least a second, at most 12 hours. */
export function visibilitySeconds(ms: number): number {
  return Math.min(43_200, Math.max(1, Math.ceil(ms / 1000)));
}

/**
 * Records reported failed come back after a backoff by their receive count (10 s · 2^(n−1),
 * at most 15 minutes, with jitter). Best effort: if SQS refuses, a record comes back after
 * the queue's visibility timeout instead, which is just as safe.
 */
export async function deferRecords(
  records: readonly RecordFacts[],
  deps: Pick<ConsumerDeps, 'queues' | 'random'>,
): Promise<number[]> {
  return Promise.all(
    records.map(async (record) => {
      const seconds = visibilitySeconds(jitteredBackoffMs(record.receiveCount, deps.random));
      await deps.queues.changeVisibility(record.receiptHandle, seconds).catch(() => undefined);
      return seconds;
    }),
  );
}

/**
 * Event records kept in the queue after a failure (the store or the DLQ unavailable, an
 * unexpected error): deferred until they come back, each reported as such.
 */
export async function deferEvents(
  records: readonly RecordFacts[],
  invocation: Invocation,
): Promise<void> {
  const seconds = await deferRecords(records, invocation.deps);
  const now = invocation.deps.now();
  records.forEach((record, index) => {
    const parsed = parseQueueMessage(record.body);
    if (!parsed.ok) return;
    const { robot, key } = parsed.body;
    const platform = invocation.settings.robots.find((r) => r.name === robot)?.platform ?? null;
    const until = now + seconds[index]! * 1000;
    const outcome = { fate: 'deferred' as const, robot, platform, keys: [key], until };
    invocation.report({ ...outcome, reason: 'unavailable' }, { group: record.groupId });
    invocation.count('Deferred', 1);
  });
}
