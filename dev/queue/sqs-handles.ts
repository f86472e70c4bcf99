import type { ModelCore } from './sqs-core';
import { sqsErrors } from './sqs-errors';
import { isInFlight, removeMessage, type QueueState, type StoredMessage } from './sqs-queue';
import { decodeReceipt } from './sqs-receipts';

type Found = { message: StoredMessage; latest: boolean } | null;

/** The message a receipt handle names (null: already deleted); throws for a foreign handle. */
function findByHandle(queue: QueueState, handle: string): Found {
  const receipt = decodeReceipt(handle);
  if (receipt === null || receipt.queue !== queue.name) {
    throw sqsErrors.receiptHandleIsInvalid(handle);
  }
  const message = queue.messages.find((candidate) => candidate.messageId === receipt.messageId);
  if (message === undefined) return null;
  return { message, latest: receipt.receive === message.receiveCount };
}

/**
 * DeleteMessage. A handle of a message already gone succeeds. On FIFO, a handle from an
 * earlier receive or whose visibility has lapsed has expired (SQS answers
 * InvalidParameterValue); on a standard queue an earlier handle succeeds without deleting.
 */
export function deleteByHandle(core: ModelCore, queue: QueueState, handle: string): void {
  const found = findByHandle(queue, handle);
  if (found === null) return;
  const live = found.latest && isInFlight(found.message, core.now());
  if (queue.config.fifo && !live) throw sqsErrors.receiptHandleExpired(handle);
  if (!found.latest) return;
  removeMessage(queue, found.message);
  core.changed();
}

/**
 * ChangeMessageVisibility: hides the message for `seconds` from now (0: visible at once).
 * Only a message in flight, named by its latest handle, can change.
 */
export function changeVisibilityByHandle(
  core: ModelCore,
  queue: QueueState,
  handle: string,
  seconds: number,
): void {
  if (!(Number.isInteger(seconds) && seconds >= 0 && seconds <= 43_200)) {
    throw sqsErrors.invalidParameter(
      `Value ${seconds} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`,
    );
  }
  const found = findByHandle(queue, handle);
  const now = core.now();
  if (found === null || !isInFlight(found.message, now)) {
    throw sqsErrors.invalidParameter(
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
    );
  }
  if (!found.latest) throw sqsErrors.receiptHandleExpired(handle);
  found.message.invisibleUntil = now + seconds * 1000;
  core.changed();
}
