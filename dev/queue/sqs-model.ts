/**
 * An in-memory Amazon SQS for tests, the simulation and `npm start`, on an injectable clock.
 * Its operations take and answer the SQS JSON protocol's shapes, so the fake server
 * (fake-sqs-server.ts) is a thin layer over it and in-process callers use the same calls.
 *
 * What it models, as AWS documents it:
 * - FIFO queues: the message group lock (no message of a group is handed out while another
 *   of it is in flight; one receive returns several messages of a group, in order, filling
 *   from the oldest available group first, then the next); 5-minute deduplication by
 *   MessageDeduplicationId or content (a duplicate is accepted, answered with the first
 *   message's id, never delivered, even after the first was deleted); SequenceNumber
 *   increasing across the model; MessageGroupId required; per-message DelaySeconds refused.
 * - Visibility: a receive hides each message for the request's or the queue's timeout;
 *   ChangeMessageVisibility sets it from now; the message returns when it lapses.
 *   ApproximateReceiveCount counts receives; ApproximateFirstReceiveTimestamp is kept.
 * - Receipt handles: each receive issues a new one; on FIFO a handle from an earlier receive
 *   or whose visibility lapsed has expired (InvalidParameterValue); deleting a deleted
 *   message succeeds; a handle of another queue is ReceiptHandleIsInvalid.
 * - RedrivePolicy: the receive that finds a message already received maxReceiveCount times
 *   moves it to the dead-letter queue (same id, SentTimestamp kept, receive count reset,
 *   DeadLetterQueueSourceArn recorded).
 * - StartMessageMoveTask from a queue that is some queue's DLQ: see sqs-move-task.ts (a
 *   redriven message is new: new id, SentTimestamp renewed).
 * - Retention (MessageRetentionPeriod from SentTimestamp), PurgeQueue (once per 60 s),
 *   message and batch limits (10 entries, MaximumMessageSize per message and per batch,
 *   10 attributes, allowed characters, entry ids), GetQueueAttributes counts.
 *
 * What it does not model: delays (DelaySeconds other than 0 is refused), standard queues'
 * at-least-once duplicates and reordering (a standard queue here is exact and ordered),
 * the 12-hour visibility ceiling per receive, ReceiveRequestAttemptId retries, high
 * throughput mode (DeduplicationScope messageGroup), message move rates, permissions,
 * tags, encryption (SSE attributes are stored and echoed only), signature checks,
 * QueueDeletedRecently, and AWS's approximate counts (these are exact).
 */
import { createQueue, getQueueAttributes, purgeQueue, setQueueAttributes } from './sqs-admin';
import { checkEntries, runEntries } from './sqs-batch';
import { createCore } from './sqs-core';
import { sqsErrors } from './sqs-errors';
import { changeVisibilityByHandle, deleteByHandle } from './sqs-handles';
import { runMoveTask, type MoveTaskInput } from './sqs-move-task';
import { nextVisibleAt, snapshot } from './sqs-inspect';
import { receiveNow } from './sqs-receive';
import { acceptMessage } from './sqs-send';
import type {
  BatchEntry,
  BatchOutput,
  MessageMoveTask,
  ReceivedMessage,
  ReceiveMessageInput,
  SendMessageInput,
  SendMessageOutput,
} from './sqs-types';
import { checkAttributes, checkBody } from './sqs-validate';
import type { SqsModel, SqsModelOptions } from './sqs-model-types';

export type { MessageSnapshot, SqsModel, SqsModelOptions } from './sqs-model-types';

export function createSqsModel(options: SqsModelOptions = {}): SqsModel {
  const listeners = new Set<() => void>();
  const core = createCore({
    now: options.now ?? Date.now,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '000000000000',
    endpoint: options.endpoint ?? 'http://sqs.in-process.invalid',
    senderId: options.senderId ?? 'AIDAFAKESQSSENDER0000',
    listeners,
  });
  const tasks: MessageMoveTask[] = [];
  const send = (input: SendMessageInput): SendMessageOutput => {
    const queue = core.resolve(input.QueueUrl);
    const output = acceptMessage(queue, input, {
      now: core.now(),
      newMessageId: core.newMessageId,
      nextSequenceNumber: core.nextSequenceNumber,
      senderId: core.senderId,
    });
    core.changed();
    return output;
  };

  return {
    region: core.region,
    accountId: core.accountId,
    now: () => core.now(),
    queueUrl: (name, endpoint) => core.urlOf(core.resolve(name).name, endpoint),
    queueArn: (name) => core.resolve(name).arn,

    createQueue(input, endpoint) {
      const queue = createQueue(core, input.QueueName, input.Attributes);
      return { QueueUrl: core.urlOf(queue.name, endpoint) };
    },
    getQueueUrl(input, endpoint) {
      return { QueueUrl: core.urlOf(core.resolve(input.QueueName).name, endpoint) };
    },
    deleteQueue(input) {
      core.queues.delete(core.resolve(input.QueueUrl).name);
      core.changed();
    },
    listQueues(input, endpoint) {
      const prefix = input.QueueNamePrefix ?? '';
      const names = [...core.queues.keys()].filter((name) => name.startsWith(prefix)).sort();
      return { QueueUrls: names.map((name) => core.urlOf(name, endpoint)) };
    },
    getQueueAttributes(input) {
      const queue = core.resolve(input.QueueUrl);
      return { Attributes: getQueueAttributes(core, queue, input.AttributeNames ?? []) };
    },
    setQueueAttributes(input) {
      setQueueAttributes(core, core.resolve(input.QueueUrl), input.Attributes);
    },
    purgeQueue(input) {
      purgeQueue(core, core.resolve(input.QueueUrl));
    },

    sendMessage: send,
    sendMessageBatch(input) {
      const queue = core.resolve(input.QueueUrl);
      checkEntries(input.Entries);
      checkBatchSize(input.Entries, queue.config.maximumMessageSize);
      return runEntries<BatchEntry, SendMessageOutput>(input.Entries, (entry) =>
        send({ ...entry, QueueUrl: input.QueueUrl }),
      ) as BatchOutput<SendMessageOutput & { Id: string }>;
    },
    receiveMessage(input: ReceiveMessageInput): { Messages: ReceivedMessage[] } {
      return { Messages: receiveNow(core, input) };
    },
    deleteMessage(input) {
      deleteByHandle(core, core.resolve(input.QueueUrl), input.ReceiptHandle);
    },
    deleteMessageBatch(input) {
      const queue = core.resolve(input.QueueUrl);
      return runEntries(input.Entries, (entry) => {
        deleteByHandle(core, queue, entry.ReceiptHandle);
        return {};
      });
    },
    changeMessageVisibility(input) {
      const queue = core.resolve(input.QueueUrl);
      changeVisibilityByHandle(core, queue, input.ReceiptHandle, input.VisibilityTimeout);
    },
    changeMessageVisibilityBatch(input) {
      const queue = core.resolve(input.QueueUrl);
      return runEntries(input.Entries, (entry) => {
        changeVisibilityByHandle(core, queue, entry.ReceiptHandle, entry.VisibilityTimeout);
        return {};
      });
    },

    startMessageMoveTask(input: MoveTaskInput) {
      const task = runMoveTask(core, input);
      tasks.unshift(task);
      return { TaskHandle: task.TaskHandle ?? '' };
    },
    listMessageMoveTasks(input) {
      const mine = tasks.filter((task) => task.SourceArn === input.SourceArn);
      // TaskHandle is only shown for running tasks; every task here has finished.
      const results = mine
        .slice(0, input.MaxResults ?? 1)
        .map(({ TaskHandle: _, ...task }) => task);
      return { Results: results };
    },

    peek: (queueUrlOrName) => snapshot(core, queueUrlOrName),
    nextVisibleAt: () => nextVisibleAt(core),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** SQS refuses a whole SendMessageBatch whose messages together exceed the message limit. */
function checkBatchSize(entries: readonly BatchEntry[], maximum: number): void {
  let bytes = 0;
  for (const entry of entries) {
    try {
      bytes += checkBody(entry.MessageBody) + checkAttributes(entry.MessageAttributes ?? {});
    } catch {
      // An invalid entry fails on its own below; it does not count toward the batch size.
    }
  }
  if (bytes > maximum) throw sqsErrors.batchTooLong(bytes);
}
