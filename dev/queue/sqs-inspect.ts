import type { ModelCore } from './sqs-core';
import type { MessageSnapshot } from './sqs-model-types';
import { isInFlight } from './sqs-queue';

/** What tests and the simulation read of a queue: every message, with no side effect. */
export function snapshot(core: ModelCore, queueUrlOrName: string): MessageSnapshot[] {
  const now = core.now();
  return core.resolve(queueUrlOrName).messages.map((message) => ({
    messageId: message.messageId,
    body: message.body,
    attributes: structuredClone(message.attributes),
    groupId: message.groupId,
    deduplicationId: message.deduplicationId,
    sequenceNumber: message.sequenceNumber,
    sentTimestamp: message.sentTimestamp,
    receiveCount: message.receiveCount,
    inFlight: isInFlight(message, now),
    visibleAt: isInFlight(message, now) ? message.invisibleUntil : now,
    deadLetterSourceArn: message.deadLetterSourceArn,
  }));
}

/** The earliest time a message now in flight, in any queue, becomes visible again. */
export function nextVisibleAt(core: ModelCore): number | null {
  const now = core.now();
  let next: number | null = null;
  for (const queue of core.queues.values()) {
    for (const message of queue.messages) {
      if (isInFlight(message, now) && (next === null || message.invisibleUntil < next)) {
        next = message.invisibleUntil;
      }
    }
  }
  return next;
}
