import type { ConsumerQueues, QueueSender } from '../delivery/ports';
import type { SqsClient } from './sqs';

/** The webhook's QueueSender on the delivery queue: one SendMessageBatch per call. */
export function createSqsQueueSender(sqs: SqsClient, queueUrl: string): QueueSender {
  return {
    sendBatch: (entries, signal) => sqs.sendMessageBatch(queueUrl, entries, { signal }),
  };
}

export interface ConsumerQueueUrls {
  /** DELIVERY_QUEUE_URL (contract: from the environment, never from eventSourceARN). */
  delivery: string;
  /** DELIVERY_DLQ_URL. */
  dlq: string;
}

/** The consumer's ConsumerQueues: flush tokens and dead letters, and the head's visibility. */
export function createSqsConsumerQueues(sqs: SqsClient, urls: ConsumerQueueUrls): ConsumerQueues {
  return {
    async send(queue, entry) {
      await sqs.sendMessage(urls[queue], entry);
    },
    changeVisibility: (receiptHandle, seconds) =>
      sqs.changeMessageVisibility(urls.delivery, receiptHandle, seconds),
  };
}
