import type { MessageAttribute, ConsumerQueues } from '../ports';
import type { DeadLetterReason } from '../outcome';

/** The message as it entered the delivery queue: a record, or a pending event's copy of one. */
export interface OriginalMessage {
  groupId: string;
  messageId: string;
  body: string;
}

export interface DeadLetterInfo {
  reason: DeadLetterReason;
  /** The robot's name; '' when the body named none. */
  robot: string;
  errcode?: number;
}

/**
 * Moves a message to the DLQ (contract): the body unchanged, the original group, and the
 * original messageId as the deduplication id, as SQS's own redrive does, so a message that
 * fails again after a redrive is never deduplicated away. Rejects when SQS does not take it:
 * the caller then keeps the message where it was, so nothing is lost.
 */
export function deadLetter(
  queues: ConsumerQueues,
  original: OriginalMessage,
  info: DeadLetterInfo,
  now: number,
): Promise<void> {
  const attributes: Record<string, MessageAttribute> = {
    reason: { type: 'String', value: info.reason },
    deadLetteredAt: { type: 'Number', value: String(now) },
  };
  // SQS refuses an empty attribute value.
  if (info.robot !== '') attributes.robot = { type: 'String', value: info.robot };
  if (info.errcode !== undefined) {
    attributes.errcode = { type: 'Number', value: String(info.errcode) };
  }
  return queues.send('dlq', {
    groupId: original.groupId,
    deduplicationId: original.messageId,
    body: original.body,
    attributes,
  });
}
