import type { RobotSettings } from '../../settings/types';
import { recentSends } from '../budgets';
import type { PaceRecord, QueueMessageBody } from '../ports';
import type { RecordFacts } from './record-facts';

/** An event record that passed the checks: its body, and the robot it is for now. */
export interface LiveRecord {
  record: RecordFacts;
  body: QueueMessageBody;
  robot: RobotSettings;
}

/**
 * What one event group's sends learned for the pace item, written once when the group is
 * done (with the pending count when events were stored), not once per fact.
 */
export interface PaceNotes {
  okAt: number | null;
  lastError: PaceRecord['lastError'];
  blockUntil: number | null;
  /** A transient failure: one more in a row. */
  failed: boolean;
}

export function emptyNotes(): PaceNotes {
  return { okAt: null, lastError: null, blockUntil: null, failed: false };
}

/** Whether the notes say anything the pace item does not know yet. */
export function notesMatter(notes: PaceNotes, pace: PaceRecord): boolean {
  if (notes.lastError !== null || notes.blockUntil !== null || notes.failed) return true;
  if (notes.okAt === null) return false;
  // A success is news when it ends a run of failures, or the recorded one is a minute old.
  return (
    pace.failures !== 0 || pace.lastSuccessAt === null || notes.okAt - pace.lastSuccessAt >= 60_000
  );
}

/** The pace item with the notes applied (on whatever another container stored meanwhile). */
export function applyNotes(
  pace: PaceRecord,
  notes: PaceNotes,
  robot: string,
  now: number,
): PaceRecord {
  const next: PaceRecord = { ...pace, robot, sent: recentSends(pace.sent, now) };
  if (notes.okAt !== null) {
    next.lastSuccessAt = notes.okAt;
    next.failures = 0;
  }
  if (notes.lastError !== null) next.lastError = notes.lastError;
  if (notes.blockUntil !== null) next.blockedUntil = Math.max(pace.blockedUntil, notes.blockUntil);
  if (notes.failed) next.failures += 1;
  return next;
}
