import type { PaceRecord } from '../ports';
import { sendFlushToken } from './flush-token';
import type { Invocation } from './invocation';
import { applyNotes, type LiveRecord, type PaceNotes } from './pace-notes';
import { updatePace } from './pace-writes';

/**
 * A token older than this is taken as lost and another is sent. A live token rewrites
 * `flushTokenAt` every time it is handled, and it never waits longer than 15 minutes (the
 * longest backoff) between two handlings.
 */
export const TOKEN_STALE_MS = 20 * 60_000;

/** An event stored as pending, and why it was not sent alone (null: there was a backlog). */
export interface StoredRecord {
  live: LiveRecord;
  deferred: { until: number; reason: string } | null;
}

/** Stores one event record as a pending event, under its SequenceNumber (idempotent). */
export async function storePending(
  live: LiveRecord,
  deferred: StoredRecord['deferred'],
  invocation: Invocation,
): Promise<StoredRecord> {
  const { record, body } = live;
  await invocation.deps.store.addPending(record.groupId, {
    seq: record.seq,
    messageId: record.messageId,
    body: record.body,
    sentTimestamp: record.sentTimestamp,
    receivedAt: body.receivedAt,
    attempts: 0,
  });
  return { live, deferred };
}

/**
 * Counts the stored events in the pace item and makes sure a flush token is out: one is sent
 * when none is recorded, when the recorded one is stale, or when a record comes back a second
 * time (its first handling may have stopped between this write and the token's send). The
 * write comes first: a token that found nothing to flush clears `flushTokenAt` with a
 * conditional write, so it either sees these events or makes this write re-read and send a
 * fresh token.
 */
export async function storedInPace(
  group: string,
  pace: PaceRecord,
  notes: PaceNotes,
  stored: readonly StoredRecord[],
  invocation: Invocation,
): Promise<void> {
  const { now, store, queues, random } = invocation.deps;
  const robot = stored[0]!.live.body.robot;
  const redelivered = stored.some(({ live }) => live.record.receiveCount > 1);
  const oldest = Math.min(...stored.map(({ live }) => live.body.receivedAt));
  let needToken = false;
  await updatePace(store, group, pace, (current) => {
    const at = now();
    const tokenAt = current.flushTokenAt;
    needToken = redelivered || tokenAt === null || at - tokenAt > TOKEN_STALE_MS;
    return {
      ...applyNotes(current, notes, robot, at),
      pendingCount: current.pendingCount + stored.length,
      oldestPendingAt: Math.min(current.oldestPendingAt ?? oldest, oldest),
      flushTokenAt: needToken ? at : tokenAt,
    };
  });
  if (needToken) await sendFlushToken(queues, { group, robot }, now(), random);
  for (const { live, deferred } of stored) {
    const outcome = {
      robot: live.body.robot,
      platform: live.robot.platform,
      keys: [live.body.key],
    };
    if (deferred === null) {
      invocation.report({ ...outcome, fate: 'queued' }, { group });
    } else {
      invocation.report({ ...outcome, fate: 'deferred', ...deferred }, { group });
      invocation.count('Deferred', 1);
    }
  }
}
