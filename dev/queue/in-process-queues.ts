import type {
  ConsumerQueues,
  EnqueueResult,
  MessageAttribute,
  QueueEntry,
  QueueSender,
} from '../../lib/delivery/ports';
import type { DeliveryQueueUrls } from './delivery-queues';
import type { SqsModel } from './sqs-model';
import type { WireAttributes } from './sqs-types';

/**
 * The queue ports (lib/delivery/ports.ts) over the SQS model directly, with no HTTP: the
 * embedded queue of `npm start` and a quick rig for tests. They behave as the SQS JSON
 * client does against real SQS, deduplication and per-entry failures included; an SQS
 * error rejects (an SqsError with SQS's type and message).
 */
export interface InProcessQueues {
  sender: QueueSender;
  consumer: ConsumerQueues;
}

function toWireAttributes(
  attributes: Record<string, MessageAttribute> | undefined,
): WireAttributes {
  const wire: WireAttributes = {};
  for (const [name, attribute] of Object.entries(attributes ?? {})) {
    wire[name] = { DataType: attribute.type, StringValue: attribute.value };
  }
  return wire;
}

function toWireEntry(entry: Omit<QueueEntry, 'id'>) {
  return {
    MessageBody: entry.body,
    MessageGroupId: entry.groupId,
    MessageDeduplicationId: entry.deduplicationId,
    MessageAttributes: toWireAttributes(entry.attributes),
  };
}

export function createInProcessQueues(model: SqsModel, urls: DeliveryQueueUrls): InProcessQueues {
  return {
    sender: {
      async sendBatch(entries, signal): Promise<EnqueueResult[]> {
        signal.throwIfAborted();
        const output = model.sendMessageBatch({
          QueueUrl: urls.delivery,
          Entries: entries.map((entry) => ({ Id: entry.id, ...toWireEntry(entry) })),
        });
        const failed = new Map(output.Failed.map((failure) => [failure.Id, failure.Code]));
        return entries.map(({ id }): EnqueueResult => {
          const error = failed.get(id);
          return error === undefined ? { id, ok: true } : { id, ok: false, error };
        });
      },
    },
    consumer: {
      async send(queue, entry) {
        model.sendMessage({ QueueUrl: urls[queue], ...toWireEntry(entry) });
      },
      async changeVisibility(receiptHandle, seconds) {
        model.changeMessageVisibility({
          QueueUrl: urls.delivery,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: seconds,
        });
      },
    },
  };
}
