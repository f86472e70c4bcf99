import { relocated, type ModelCore } from './sqs-core';
import { sqsErrors } from './sqs-errors';
import {
  expire,
  receivable,
  removeMessage,
  type QueueState,
  type StoredMessage,
} from './sqs-queue';
import { encodeReceipt } from './sqs-receipts';
import { describeReceived } from './sqs-receive-output';
import type { ReceivedMessage, ReceiveMessageInput } from './sqs-types';

function inRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
    throw sqsErrors.invalidParameter(
      `Value ${value} for parameter ${name} is invalid. Reason: Must be between ${min} and ${max}.`,
    );
  }
}

/**
 * maxReceiveCount: a message already received that many times is moved to the dead-letter
 * queue by the receive that would have handed it out once more, as SQS does. It keeps its
 * id, body, attributes and SentTimestamp; it records where it came from.
 */
function overReceived(core: ModelCore, queue: QueueState, message: StoredMessage): boolean {
  const policy = queue.config.redrivePolicy;
  if (policy === null || message.receiveCount < policy.maxReceiveCount) return false;
  const dlq = core.byArn(policy.deadLetterTargetArn);
  if (dlq === undefined) return false; // SQS keeps the message when its DLQ is gone
  removeMessage(queue, message);
  dlq.messages.push(relocated(core, message, { deadLetterSourceArn: queue.arn }));
  return true;
}

/**
 * ReceiveMessage without waiting (the fake server does the long poll). Hands out up to
 * MaxNumberOfMessages in FIFO group order and hides each for the visibility timeout.
 * ReceiveRequestAttemptId is accepted and ignored: the model never loses an answer.
 */
export function receiveNow(core: ModelCore, input: ReceiveMessageInput): ReceivedMessage[] {
  inRange('MaxNumberOfMessages', input.MaxNumberOfMessages, 1, 10);
  inRange('VisibilityTimeout', input.VisibilityTimeout, 0, 43_200);
  inRange('WaitTimeSeconds', input.WaitTimeSeconds, 0, 20);
  const queue = core.resolve(input.QueueUrl);
  const now = core.now();
  expire(queue, now);
  const max = input.MaxNumberOfMessages ?? 1;
  const hideMs = (input.VisibilityTimeout ?? queue.config.visibilityTimeout) * 1000;
  const request = {
    systemNames: [...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])],
    userNames: input.MessageAttributeNames ?? [],
  };
  const received: ReceivedMessage[] = [];
  let moved = false;
  for (const message of receivable(queue, now)) {
    if (received.length >= max) break;
    if (overReceived(core, queue, message)) {
      moved = true;
      continue;
    }
    message.receiveCount += 1;
    message.firstReceiveTimestamp ??= now;
    message.invisibleUntil = now + hideMs;
    const handle = encodeReceipt({
      queue: queue.name,
      messageId: message.messageId,
      receive: message.receiveCount,
    });
    received.push(describeReceived(message, handle, request));
  }
  if (moved) core.changed();
  return received;
}
