import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { SqsModel } from './sqs-model';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/** What one invocation did, for tests and the simulation to check. */
export interface InvocationReport {
  poller: number;
  /** Clock time of the receive. */
  at: number;
  records: SQSRecord[];
  /** The message ids the function reported failed (all of them when the batch failed whole). */
  failed: string[];
  /** The message ids deleted after the invocation. */
  deleted: string[];
  /** Why the whole batch counted as failed: the function threw, or answered a bad report. */
  batchFailure?: 'threw' | 'invalid-response';
  error?: unknown;
}

export interface SettleOptions {
  model: SqsModel;
  queueUrl: string;
  failedVisibility: 'as-set' | 'reset';
  /** The queue's visibility timeout (s), for 'reset'. */
  visibilityTimeout: number;
}

/**
 * Lambda's rule for a partial batch response: every itemIdentifier must name a record of
 * the batch; an empty, missing or unknown one (or a response that is not the documented
 * shape) fails the whole batch. No response, or no failures, means every record succeeded.
 */
function reportedFailures(response: unknown, records: SQSRecord[]): string[] | 'invalid' {
  if (response === undefined || response === null) return [];
  if (typeof response !== 'object') return 'invalid';
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return [];
  if (!Array.isArray(failures)) return 'invalid';
  const ids = new Set(records.map((record) => record.messageId));
  const failed: string[] = [];
  for (const failure of failures as unknown[]) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return 'invalid';
    failed.push(id);
  }
  return failed;
}

/**
 * Invokes the function with one batch and settles it as the event source mapping does:
 * deletes every record not reported failed; a throw deletes nothing. Failed records keep
 * the visibility the function gave them ('as-set', the inferred AWS behaviour) or, with
 * 'reset', reappear one queue visibility timeout after their receive whatever the
 * function set (the safe alternative the design must also survive).
 */
export async function invokeAndSettle(
  handler: SqsHandler,
  batch: { poller: number; at: number; records: SQSRecord[] },
  options: SettleOptions,
): Promise<InvocationReport> {
  const report: InvocationReport = { ...batch, failed: [], deleted: [] };
  let failed: string[] | 'invalid';
  try {
    failed = reportedFailures(await handler({ Records: batch.records }), batch.records);
    if (failed === 'invalid') report.batchFailure = 'invalid-response';
  } catch (error) {
    report.batchFailure = 'threw';
    report.error = error;
    failed = 'invalid';
  }
  const kept = new Set(failed === 'invalid' ? batch.records.map((r) => r.messageId) : failed);
  report.failed = [...kept];
  for (const record of batch.records) {
    if (kept.has(record.messageId)) {
      if (options.failedVisibility === 'reset') resetVisibility(record, batch.at, options);
      continue;
    }
    try {
      options.model.deleteMessage({
        QueueUrl: options.queueUrl,
        ReceiptHandle: record.receiptHandle,
      });
      report.deleted.push(record.messageId);
    } catch {
      // The handle lapsed (a slow invocation): the message comes back, as on AWS.
    }
  }
  return report;
}

function resetVisibility(record: SQSRecord, receivedAt: number, options: SettleOptions): void {
  const remainingMs = receivedAt + options.visibilityTimeout * 1000 - options.model.now();
  try {
    options.model.changeMessageVisibility({
      QueueUrl: options.queueUrl,
      ReceiptHandle: record.receiptHandle,
      VisibilityTimeout: Math.max(0, Math.ceil(remainingMs / 1000)),
    });
  } catch {
    // No longer in flight (its visibility already lapsed): it is visible, nothing to reset.
  }
}
