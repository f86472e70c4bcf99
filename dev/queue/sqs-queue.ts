import type { QueueConfig } from './sqs-attributes';
import type { WireAttributes } from './sqs-types';

/** One message as the model keeps it. */
export interface StoredMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  attributes: WireAttributes;
  md5OfAttributes: string | undefined;
  /** '' on a standard queue sent without one. */
  groupId: string;
  deduplicationId: string | undefined;
  sequenceNumber: string;
  /** When the message entered this queue (renewed by a move task, kept by a DLQ move). */
  sentTimestamp: number;
  senderId: string;
  receiveCount: number;
  firstReceiveTimestamp: number | null;
  /** Until when the latest receive hides it; at or before now it is visible again. */
  invisibleUntil: number;
  /** The queue a maxReceiveCount move took it from (SQS's DeadLetterQueueSourceArn). */
  deadLetterSourceArn: string | undefined;
}

/** One queue: its settings, its messages in queue order, and its deduplication window. */
export interface QueueState {
  name: string;
  arn: string;
  config: QueueConfig;
  createdAt: number;
  lastModifiedAt: number;
  messages: StoredMessage[];
  /** Deduplication id → the message it first named, until 5 minutes after that send. */
  dedup: Map<string, { until: number; messageId: string; sequenceNumber: string }>;
  lastPurgeAt: number | null;
}

export const DEDUP_WINDOW_MS = 5 * 60 * 1000;

export function isInFlight(message: StoredMessage, now: number): boolean {
  return message.receiveCount > 0 && message.invisibleUntil > now;
}

/** Forgets messages past the retention period and deduplication ids past their window. */
export function expire(queue: QueueState, now: number): void {
  const retentionMs = queue.config.messageRetentionPeriod * 1000;
  queue.messages = queue.messages.filter((message) => now - message.sentTimestamp < retentionMs);
  for (const [id, entry] of queue.dedup) if (entry.until <= now) queue.dedup.delete(id);
}

/** Message groups with a message in flight: SQS hands out nothing else of them (FIFO). */
export function lockedGroups(queue: QueueState, now: number): Set<string> {
  const locked = new Set<string>();
  if (!queue.config.fifo) return locked;
  for (const message of queue.messages) if (isInFlight(message, now)) locked.add(message.groupId);
  return locked;
}

/**
 * The messages a receive may hand out, in the order SQS does for FIFO: as many as possible
 * of the oldest available group, in order, then the next group. A group with a message in
 * flight is skipped whole. A standard queue hands out visible messages oldest first.
 */
export function receivable(queue: QueueState, now: number): StoredMessage[] {
  const locked = lockedGroups(queue, now);
  const visible = queue.messages.filter(
    (message) => !isInFlight(message, now) && !locked.has(message.groupId),
  );
  if (!queue.config.fifo) return visible;
  const byGroup = new Map<string, StoredMessage[]>();
  for (const message of visible) {
    const group = byGroup.get(message.groupId);
    if (group === undefined) byGroup.set(message.groupId, [message]);
    else group.push(message);
  }
  return [...byGroup.values()].flat();
}

export function removeMessage(queue: QueueState, message: StoredMessage): void {
  const index = queue.messages.indexOf(message);
  if (index >= 0) queue.messages.splice(index, 1);
}

/** ApproximateNumberOfMessages and …NotVisible (exact here: the model has one copy). */
export function countMessages(
  queue: QueueState,
  now: number,
): { visible: number; notVisible: number } {
  const notVisible = queue.messages.filter((message) => isInFlight(message, now)).length;
  return { visible: queue.messages.length - notVisible, notVisible };
}
