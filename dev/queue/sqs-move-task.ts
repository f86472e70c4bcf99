import { relocated, type ModelCore } from './sqs-core';
import { sqsErrors } from './sqs-errors';
import { isInFlight, removeMessage, type QueueState } from './sqs-queue';
import type { MessageMoveTask } from './sqs-types';

export interface MoveTaskInput {
  SourceArn: string;
  DestinationArn?: string;
  MaxNumberOfMessagesPerSecond?: number;
}

function sourceQueue(core: ModelCore, arn: string): QueueState {
  const source = core.byArn(arn);
  if (source === undefined)
    throw sqsErrors.resourceNotFound(
      "The resource that you specified for the SourceArn parameter doesn't exist.",
    );
  const isDlq = [...core.queues.values()].some(
    (queue) => queue.config.redrivePolicy?.deadLetterTargetArn === arn,
  );
  if (!isDlq) {
    throw sqsErrors.invalidParameter('Source queue must be configured as a Dead Letter Queue.');
  }
  return source;
}

/**
 * StartMessageMoveTask, run to completion at once (SQS runs it asynchronously; the rate
 * limit is accepted and not applied). Messages in flight in the DLQ stay. Each moved
 * message is a new message in its destination, as a redrive makes it: a new MessageId, a
 * new SequenceNumber, SentTimestamp now, receive count 0; body, attributes, group and
 * deduplication id are kept, and the move is not subject to deduplication. Without a
 * DestinationArn a message goes back to the queue SQS moved it from; a message the
 * consumer dead-lettered itself has none, and the task fails there.
 */
export function runMoveTask(core: ModelCore, input: MoveTaskInput): MessageMoveTask {
  const source = sourceQueue(core, input.SourceArn);
  const destination =
    input.DestinationArn === undefined ? undefined : core.byArn(input.DestinationArn);
  if (input.DestinationArn !== undefined && destination === undefined) {
    throw sqsErrors.resourceNotFound(
      "The resource that you specified for the DestinationArn parameter doesn't exist.",
    );
  }
  if (destination !== undefined && destination.config.fifo !== source.config.fifo) {
    throw sqsErrors.invalidParameter('The source and destination queues must be of the same type.');
  }
  const now = core.now();
  const waiting = source.messages.filter((message) => !isInFlight(message, now));
  const task: MessageMoveTask = {
    TaskHandle: `task-${core.newMessageId()}`,
    Status: 'COMPLETED',
    SourceArn: input.SourceArn,
    DestinationArn: input.DestinationArn,
    MaxNumberOfMessagesPerSecond: input.MaxNumberOfMessagesPerSecond,
    ApproximateNumberOfMessagesMoved: 0,
    ApproximateNumberOfMessagesToMove: waiting.length,
    StartedTimestamp: now,
  };
  for (const message of waiting) {
    const target =
      destination ??
      (message.deadLetterSourceArn === undefined
        ? undefined
        : core.byArn(message.deadLetterSourceArn));
    if (target === undefined) {
      task.Status = 'FAILED';
      task.FailureReason = 'A message has no source queue to return to: give a DestinationArn.';
      break;
    }
    removeMessage(source, message);
    target.messages.push(
      relocated(core, message, {
        messageId: core.newMessageId(),
        sentTimestamp: now,
        deadLetterSourceArn: undefined,
      }),
    );
    task.ApproximateNumberOfMessagesMoved += 1;
  }
  core.changed();
  return task;
}
