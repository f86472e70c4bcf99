import { BUDGETS, freeSlots } from '../budgets';
import type { PaceRecord } from '../ports';
import { classifyEvent } from './classify-event';
import { deadLetterAndReport } from './dead-letter-record';
import type { Invocation } from './invocation';
import { sendAlone } from './lone-send';
import { applyNotes, emptyNotes, notesMatter, type LiveRecord, type PaceNotes } from './pace-notes';
import { updatePace, waitFor } from './pace-writes';
import type { RecordFacts } from './record-facts';
import { storedInPace, storePending, type StoredRecord } from './store-pending';

/** At most this many records of a group go out alone; more make a digest (issue 11). */
const MAX_ALONE = 3;

/**
 * A group of a batch's event records (one robot credential), in queue order. Each record is
 * dead-lettered, sent alone (no backlog, at most three, a slot free for each, time left), or
 * stored as pending for the robot's flush token to send in a digest. Answers the records to
 * report failed: those after the first the store could not take, which SQS delivers again.
 */
export async function deliverEventGroup(
  records: readonly RecordFacts[],
  invocation: Invocation,
): Promise<RecordFacts[]> {
  const { store, now, logger } = invocation.deps;
  const group = records[0]!.groupId;
  const checked = records.map((record) => ({
    record,
    event: classifyEvent(
      record.body,
      { sentTimestamp: record.sentTimestamp, tries: record.receiveCount },
      invocation.settings,
      now(),
    ),
  }));
  const liveCount = checked.filter(({ event }) => event.ok).length;
  const notes = emptyNotes();
  const stored: StoredRecord[] = [];
  let pace: PaceRecord | null = null;
  let alone: boolean | null = null;
  let failedFrom = records.length;
  for (const [index, { record, event }] of checked.entries()) {
    try {
      if (!event.ok) {
        const keys = event.key === null ? [] : [event.key];
        const dead = { reason: event.reason, robot: event.robot, platform: event.platform, keys };
        await deadLetterAndReport(record, dead, invocation);
        continue;
      }
      const live: LiveRecord = { record, body: event.body, robot: event.robot };
      pace ??= await store.readPace(group);
      alone ??= goesAlone(pace, live, liveCount, invocation);
      if (alone && now() < invocation.sendsUntil) {
        const result = await sendAlone(live, pace, notes, invocation);
        pace = result.pace;
        if (result.done) continue;
        alone = false;
        stored.push(await storePending(live, result.deferred, invocation));
      } else {
        alone = false;
        stored.push(await storePending(live, null, invocation));
      }
    } catch (error) {
      logger.error('delivery group failed', { group, error: errorName(error) });
      failedFrom = index;
      break;
    }
  }
  const unstored = await closeGroup(group, pace, notes, stored, invocation);
  return [...unstored, ...records.slice(failedFrom)];
}

function goesAlone(pace: PaceRecord, live: LiveRecord, count: number, invocation: Invocation) {
  const now = invocation.deps.now();
  const budget = BUDGETS[live.robot.platform];
  return (
    count <= MAX_ALONE &&
    pace.pendingCount === 0 &&
    // A token out means a backlog is being sent: an event sent alone would overtake it.
    pace.flushTokenAt === null &&
    waitFor(pace, budget, now) === null &&
    freeSlots(pace.sent, budget, now) >= count
  );
}

/**
 * Writes what the group learned and, when events were stored, their count and a flush token.
 * The stored events are then done; if this fails they are reported failed (answered here),
 * and storing them again on redelivery changes nothing.
 */
async function closeGroup(
  group: string,
  pace: PaceRecord | null,
  notes: PaceNotes,
  stored: StoredRecord[],
  invocation: Invocation,
): Promise<RecordFacts[]> {
  if (pace === null) return [];
  const { now, logger } = invocation.deps;
  const robot = stored[0]?.live.body.robot ?? pace.robot;
  try {
    if (stored.length > 0) {
      await storedInPace(group, pace, notes, stored, invocation);
    } else if (notesMatter(notes, pace)) {
      await updatePace(invocation.deps.store, group, pace, (p) =>
        applyNotes(p, notes, robot, now()),
      );
    }
  } catch (error) {
    logger.error('delivery pace update failed', { group, error: errorName(error) });
    return stored.map(({ live }) => live.record);
  }
  return [];
}

export function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
