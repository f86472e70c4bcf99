import { SqsError, sqsErrors } from './sqs-errors';
import type { BatchOutput } from './sqs-types';

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
const MAX_ENTRIES = 10;

/** The checks every *Batch action makes on its entries before running any of them. */
export function checkEntries(entries: ReadonlyArray<{ Id: string }>): void {
  if (entries.length === 0) throw sqsErrors.emptyBatch();
  if (entries.length > MAX_ENTRIES) throw sqsErrors.tooManyEntries(entries.length);
  const seen = new Set<string>();
  for (const { Id } of entries) {
    if (!ENTRY_ID.test(Id)) throw sqsErrors.invalidBatchEntryId(Id);
    if (seen.has(Id)) throw sqsErrors.batchIdsNotDistinct(Id);
    seen.add(Id);
  }
}

/**
 * Runs each entry on its own: one entry's SQS error lands in `Failed` (SenderFault, the
 * error's code and message) and the others go on, as in SQS's batch answers.
 */
export function runEntries<Entry extends { Id: string }, Success>(
  entries: readonly Entry[],
  run: (entry: Entry) => Omit<Success, 'Id'>,
): BatchOutput<Success & { Id: string }> {
  checkEntries(entries);
  const output: BatchOutput<Success & { Id: string }> = { Successful: [], Failed: [] };
  for (const entry of entries) {
    try {
      output.Successful.push({ Id: entry.Id, ...run(entry) } as Success & { Id: string });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      output.Failed.push({
        Id: entry.Id,
        SenderFault: error.status < 500,
        Code: error.type,
        Message: error.message,
      });
    }
  }
  return output;
}
