import { flushGroupId } from '../group-id';
import { parseFlushToken, type FlushToken } from '../parse-message';
import { deadLetterAndReport } from './dead-letter-record';
import { errorName } from './event-group';
import { flushBacklog } from './flush-backlog';
import { sendFlushToken } from './flush-token';
import type { Invocation } from './invocation';
import type { RecordFacts } from './record-facts';
import { deferRecords, visibilitySeconds } from './visibility';

/** A token is replaced by a fresh message before SQS's maxReceiveCount (100) could move it. */
export const TOKEN_MAX_RECEIVES = 45;

/**
 * A group of flush tokens (`f-…`), normally one. The first readable token does the work;
 * any other in the batch is redundant (they share the group lock, so none can run
 * meanwhile) and finishes. Answers the records to report failed: the token while it waits,
 * its visibility set to the wait, or after a failure, with a backoff.
 */
export async function deliverFlushGroup(
  records: readonly RecordFacts[],
  invocation: Invocation,
): Promise<RecordFacts[]> {
  const failed: RecordFacts[] = [];
  let worker: { record: RecordFacts; token: FlushToken } | null = null;
  for (const record of records) {
    const token = parseFlushToken(record.body);
    if (token !== null && flushGroupId(token.group) === record.groupId) {
      worker ??= { record, token };
      continue;
    }
    const dead = { reason: 'unparseable' as const, robot: '', platform: null, keys: [] };
    await deadLetterAndReport(record, dead, invocation).catch(() => failed.push(record));
  }
  if (worker === null) return failed;
  const waiting = await handleToken(worker.record, worker.token, invocation);
  return waiting ? [...failed, worker.record] : failed;
}

/** Handles one token; answers whether it stays in the queue. */
async function handleToken(
  record: RecordFacts,
  token: FlushToken,
  invocation: Invocation,
): Promise<boolean> {
  const { now, random, logger, queues, store } = invocation.deps;
  try {
    if (record.receiveCount >= TOKEN_MAX_RECEIVES) {
      await sendFlushToken(queues, token, now(), random);
      logger.info('flush token replaced', { group: token.group, receives: record.receiveCount });
      return false;
    }
    const result = await flushBacklog(token.group, invocation);
    if (result.done) return false;
    const seconds = visibilitySeconds(result.until - now());
    await queues.changeVisibility(record.receiptHandle, seconds).catch(() => undefined);
    // Handled now: a token rewrites flushTokenAt whenever it waits, so it never looks lost.
    const touched = { ...result.pace, flushTokenAt: now() };
    await store.writePace(token.group, touched, result.pace.ver).catch(() => false);
    return true;
  } catch (error) {
    logger.error('flush token failed', { group: token.group, error: errorName(error) });
    await deferRecords([record], invocation.deps);
    return true;
  }
}
