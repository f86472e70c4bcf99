import type { EnqueueResult, QueueEntry, QueueSender } from './ports';

/** SQS's limits on one SendMessageBatch call (and on one message). */
export const MAX_BATCH_ENTRIES = 10;
export const MAX_BATCH_BYTES = 256 * 1024;

export interface EnqueueDeps {
  queue: QueueSender;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Longest wait for one call, so a hung connection is retried in time; default 1500 ms. */
  attemptTimeoutMs?: number;
}

/** What became of each entry, by entry id: taken by SQS, or why not (SQS's code). */
export type EnqueueOutcome = Map<string, EnqueueResult>;

/** Pauses between rounds of retries: short, since Gitee waits about 5 s for the answer. */
const BACKOFF_MS = [50, 100, 200, 400];
/** A round with less time left than this could not get an answer back. */
const MIN_ROUND_MS = 50;

/**
 * Entries SQS refuses for what they are, not for how it is doing: sending them again changes
 * nothing, so they fail at once instead of using up the budget.
 */
const REFUSED_AS_IS = new Set([
  'InvalidParameterValue',
  'InvalidMessageContents',
  'MessageTooLong',
  'InvalidAttributeName',
  'InvalidAttributeValue',
  'too_large',
]);

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends every entry to the delivery queue by `deadline` (epoch ms): in batches of at most ten
 * entries and 256 KiB, and again, after a short pause, for each entry SQS did not take, until
 * all are taken or the time is up. A call that fails as a whole (network, 5xx, throttling)
 * counts as a failure of each of its entries. Sending an entry twice is harmless: SQS drops the
 * second copy by its deduplication id. Never throws.
 */
export async function enqueueEntries(
  entries: readonly QueueEntry[],
  deadline: number,
  deps: EnqueueDeps,
): Promise<EnqueueOutcome> {
  const sleep = deps.sleep ?? sleepFor;
  const outcome: EnqueueOutcome = new Map();
  let pending: QueueEntry[] = [];
  for (const entry of entries) {
    if (entrySize(entry) > MAX_BATCH_BYTES) outcome.set(entry.id, refused(entry, 'too_large'));
    else pending.push(entry);
  }
  for (let round = 0; pending.length > 0; round += 1) {
    if (deadline - deps.now() < MIN_ROUND_MS) break;
    const results = await Promise.all(
      splitBatches(pending).map((b) => sendOnce(b, deadline, deps)),
    );
    const retry: QueueEntry[] = [];
    for (const result of results.flat()) {
      outcome.set(result.id, result);
      if (!result.ok && !REFUSED_AS_IS.has(codeOf(result.error))) {
        retry.push(pending.find((entry) => entry.id === result.id)!);
      }
    }
    pending = retry;
    const pause = BACKOFF_MS[Math.min(round, BACKOFF_MS.length - 1)]!;
    if (pending.length === 0 || deadline - deps.now() < pause + MIN_ROUND_MS) break;
    await sleep(pause);
  }
  for (const entry of pending) {
    if (!outcome.has(entry.id)) outcome.set(entry.id, refused(entry, 'deadline'));
  }
  return outcome;
}

/** Bytes SQS counts for a message: its body and each attribute's name, type and value. */
export function entrySize(entry: QueueEntry): number {
  let size = Buffer.byteLength(entry.body, 'utf8');
  for (const [name, attribute] of Object.entries(entry.attributes ?? {})) {
    size += Buffer.byteLength(name + attribute.type + attribute.value, 'utf8');
  }
  return size;
}

/** Entries in order, cut into batches at ten entries or MAX_BATCH_BYTES, whichever comes first. */
export function splitBatches(entries: readonly QueueEntry[]): QueueEntry[][] {
  const batches: QueueEntry[][] = [];
  let current: QueueEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (
      current.length === MAX_BATCH_ENTRIES ||
      (current.length > 0 && bytes + size > MAX_BATCH_BYTES)
    ) {
      batches.push(current);
      [current, bytes] = [[], 0];
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** One SendMessageBatch call, settled by its attempt timeout or the deadline, whichever is first. */
async function sendOnce(
  batch: QueueEntry[],
  deadline: number,
  deps: EnqueueDeps,
): Promise<EnqueueResult[]> {
  const controller = new AbortController();
  const waitMs = Math.min(deps.attemptTimeoutMs ?? 1500, Math.max(0, deadline - deps.now()));
  const timer = setTimeout(() => controller.abort(), waitMs);
  try {
    const results = await Promise.race([
      deps.queue.sendBatch(batch, controller.signal),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(new Error('timeout'))),
      ),
    ]);
    const byId = new Map(results.map((result) => [result.id, result]));
    return batch.map((entry) => byId.get(entry.id) ?? refused(entry, 'no_result'));
  } catch (error) {
    const code = error instanceof Error && error.name !== 'Error' ? error.name : 'call_failed';
    return batch.map((entry) => refused(entry, controller.signal.aborted ? 'timeout' : code));
  } finally {
    clearTimeout(timer);
  }
}

function refused(entry: QueueEntry, error: string): EnqueueResult {
  return { id: entry.id, ok: false, error };
}

/** "com.amazonaws.sqs#InvalidParameterValue" or "AWS.SimpleQueueService.X" → the bare code. */
function codeOf(error: string): string {
  return error.replace(/^.*[#.](?=[A-Za-z]+$)/, '');
}
