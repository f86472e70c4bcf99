import { MAX_BATCH_BYTES, MAX_BATCH_ENTRIES, entrySize } from '../../lib/delivery/enqueue';
import type { EnqueueResult, QueueEntry, QueueSender } from '../../lib/delivery/ports';

/** What one SendMessageBatch call did. */
export interface RecordedCall {
  entries: QueueEntry[];
  /** `invalid`: SQS would refuse the call as a whole (too many entries or bytes, ids). */
  outcome: 'answered' | 'rejected' | 'aborted' | 'invalid';
}

/**
 * A QueueSender that behaves like SQS's SendMessageBatch on a FIFO queue: it refuses a call of
 * more than ten entries or 256 KiB as a whole (TooManyEntriesInBatchRequest,
 * BatchRequestTooLong), entry ids must be distinct, each entry needs a group and a
 * deduplication id, and a deduplication id seen before is accepted again without a second
 * message (the 5-minute window, without the clock). Faults are scripted per call or per entry.
 */
export function createFakeQueue() {
  const calls: RecordedCall[] = [];
  /** Messages SQS holds, by deduplication id, in the order taken. */
  const messages = new Map<string, QueueEntry>();
  /** Per deduplication id: codes to answer, one per call, before taking it. */
  const entryFaults = new Map<string, string[]>();
  /** Per call, in order: reject the call, or hang until aborted. */
  const callFaults: Array<'reject' | 'hang'> = [];
  let down = false;

  const sender: QueueSender = {
    sendBatch(entries, signal) {
      const call: RecordedCall = { entries: [...entries], outcome: 'answered' };
      calls.push(call);
      const fault = down ? 'reject' : callFaults.shift();
      if (fault === 'hang') {
        call.outcome = 'aborted';
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(abortError())),
        );
      }
      if (!valid(entries)) {
        call.outcome = 'invalid';
        return Promise.reject(
          Object.assign(new Error('invalid batch'), { name: 'BatchRequestTooLong' }),
        );
      }
      if (fault === 'reject') {
        call.outcome = 'rejected';
        return Promise.reject(networkError());
      }
      return Promise.resolve(entries.map((entry) => take(entry)));
    },
  };

  function take(entry: QueueEntry): EnqueueResult {
    const code = entryFaults.get(entry.deduplicationId)?.shift();
    if (code !== undefined) return { id: entry.id, ok: false, error: code };
    if (!messages.has(entry.deduplicationId)) messages.set(entry.deduplicationId, entry);
    return { id: entry.id, ok: true };
  }

  return {
    sender,
    calls,
    messages,
    /** The next calls, in order, fail as a whole (`reject`) or never answer (`hang`). */
    failCalls(...faults: Array<'reject' | 'hang'>) {
      callFaults.push(...faults);
    },
    /** The entry with this deduplication id is refused with these codes, one per call. */
    failEntry(deduplicationId: string, ...codes: string[]) {
      entryFaults.set(deduplicationId, codes);
    },
    /** Every call fails until set back. */
    setDown(value: boolean) {
      down = value;
    },
  };
}

function valid(entries: readonly QueueEntry[]): boolean {
  const bytes = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
  const ids = new Set(entries.map((entry) => entry.id));
  return (
    entries.length > 0 &&
    entries.length <= MAX_BATCH_ENTRIES &&
    bytes <= MAX_BATCH_BYTES &&
    ids.size === entries.length &&
    entries.every((entry) => entry.groupId !== '' && entry.deduplicationId !== '')
  );
}

function networkError(): Error {
  return Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkError' });
}

function abortError(): Error {
  return Object.assign(new Error('aborted'), { name: 'AbortError' });
}

/** A clock that only moves when told, and a sleep that moves it. */
export function virtualClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    sleep: (ms: number) => {
      now += ms;
      return Promise.resolve();
    },
    advance(ms: number) {
      now += ms;
    },
  };
}
