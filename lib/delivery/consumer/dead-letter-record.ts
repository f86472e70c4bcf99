import type { PlatformName } from '../../platforms/infer-platform';
import type { DeadLetterReason } from '../outcome';
import { deadLetter, type OriginalMessage } from './dead-letter';
import type { Invocation } from './invocation';

/** What the outcome of a dead letter names: whose events they were. */
export interface DeadEvents {
  reason: DeadLetterReason;
  robot: string;
  platform: PlatformName | null;
  keys: string[];
  errcode?: number;
}

/**
 * Dead-letters one message and reports it (log line, fate, counter). Rejects when the DLQ
 * does not take it; the caller keeps the message then.
 */
export async function deadLetterAndReport(
  original: OriginalMessage,
  events: DeadEvents,
  invocation: Invocation,
): Promise<void> {
  const { reason, robot, platform, keys, errcode } = events;
  const info = errcode === undefined ? { reason, robot } : { reason, robot, errcode };
  await deadLetter(invocation.deps.queues, original, info, invocation.deps.now());
  const outcome = { fate: 'dead-lettered', robot, platform, keys, reason } as const;
  invocation.report(outcome, { group: original.groupId, errcode });
  invocation.count('DeadLettered', 1);
}
