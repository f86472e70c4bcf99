import { renderForRobot } from '../../webhook/render-jobs';
import { backoffMs, BUDGETS } from '../budgets';
import type { PaceRecord } from '../ports';
import { attemptSend } from './attempt-send';
import { deadLetterAndReport } from './dead-letter-record';
import type { Invocation } from './invocation';
import { lastErrorOf } from './pace-writes';
import { noteTemplate } from './template-note';
import type { LiveRecord, PaceNotes } from './pace-notes';

/** What came of sending one record alone: done (sent or dead-lettered), or store it. */
export type LoneResult =
  | { done: true; pace: PaceRecord }
  | { done: false; pace: PaceRecord; deferred: { until: number; reason: string } | null };

/**
 * Sends one queued event on its own, rendered with the robot's current settings. A refusal
 * that waiting may cure (rate limit, busy, network…) is noted for the pace item and the event
 * is stored as pending, so it waits in the table (seen by every container) rather than in the
 * queue: the record's receive count stays low, and no deferral rests on how Lambda treats the
 * visibility of a failed record.
 */
export async function sendAlone(
  live: LiveRecord,
  pace: PaceRecord,
  notes: PaceNotes,
  invocation: Invocation,
): Promise<LoneResult> {
  const { record, body, robot } = live;
  const { now, platforms } = invocation.deps;
  const carry: Partial<PaceRecord> =
    notes.okAt === null
      ? { robot: body.robot }
      : { robot: body.robot, lastSuccessAt: notes.okAt, failures: 0 };
  const draw = async (current: typeof robot) => {
    const job = await renderForRobot(
      body.view,
      current,
      invocation.settings,
      body.atAll === true,
      platforms,
    );
    noteTemplate(job, invocation.deps.logger);
    return { job, count: 1 };
  };
  const sent = await attemptSend(draw, robot, { group: record.groupId, pace, carry }, invocation);
  const { verdict } = sent;
  const base = { robot: body.robot, platform: robot.platform, keys: [body.key] };
  const group = { group: record.groupId };
  switch (verdict.kind) {
    case 'sent':
      notes.okAt = now();
      invocation.report({ ...base, fate: 'sent' }, group);
      invocation.count('Sent', 1);
      return { done: true, pace: sent.pace };
    case 'dead': {
      const { reason, errcode } = verdict;
      await deadLetterAndReport(record, { ...base, reason, errcode }, invocation);
      if (reason !== 'unparseable') notes.lastError = lastErrorOf({ reason, errcode }, now());
      return { done: true, pace: sent.pace };
    }
    case 'wait':
      return { done: false, pace: sent.pace, deferred: null };
    case 'block': {
      const at = now();
      notes.lastError = lastErrorOf(verdict.result, at);
      notes.blockUntil = at + BUDGETS[robot.platform].blockMs;
      return {
        done: false,
        pace: sent.pace,
        deferred: { until: notes.blockUntil, reason: 'rate_limit' },
      };
    }
    case 'backoff': {
      const at = now();
      notes.lastError = lastErrorOf(verdict.result, at);
      notes.failed = true;
      const failures = (notes.okAt === null ? sent.pace.failures : 0) + 1;
      const until = at + backoffMs(failures);
      return { done: false, pace: sent.pace, deferred: { until, reason: verdict.result.reason } };
    }
  }
}
