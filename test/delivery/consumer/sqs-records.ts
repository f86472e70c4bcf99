import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { ConsumerQueues, QueueEntry } from '../../../lib/delivery/ports';

/** Lambda-shaped SQS records, as the event source mapping hands them to the deliver function. */
export interface RecordOptions {
  groupId: string;
  messageId?: string;
  receiveCount?: number;
  sentTimestamp: number;
  sequenceNumber?: string;
}

let counter = 0;

export function sqsRecord(body: string, options: RecordOptions): SQSRecord {
  counter += 1;
  const messageId =
    options.messageId ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    messageId,
    receiptHandle: `receipt-${messageId}-${options.receiveCount ?? 1}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: String(options.sentTimestamp),
      SenderId: 'AIDATEST',
      ApproximateFirstReceiveTimestamp: String(options.sentTimestamp),
      SequenceNumber:
        options.sequenceNumber ?? String(18_000_000_000_000_000_000n + BigInt(counter)),
      MessageGroupId: options.groupId,
      MessageDeduplicationId: `dedup-${messageId}`,
    },
    messageAttributes: {},
    md5OfBody: 'not-checked',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-east-1:000000000000:gitee-dingtalk-test-delivery.fifo',
    awsRegion: 'ap-east-1',
  };
}

export function sqsEvent(records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

export interface RecordingQueues extends ConsumerQueues {
  sent: Array<{ queue: 'delivery' | 'dlq'; entry: Omit<QueueEntry, 'id'> }>;
  visibility: Array<{ receiptHandle: string; seconds: number }>;
  /** Makes SendMessage to a queue reject (SQS down) until set back to false. */
  failing: { delivery: boolean; dlq: boolean; visibility: boolean };
  dlq(): Array<Omit<QueueEntry, 'id'>>;
  tokens(): Array<Omit<QueueEntry, 'id'>>;
}

/**
 * A ConsumerQueues that records every call and can be told to fail like an SQS outage;
 * with `forward`, calls that did not fail also go on to real queues (the SQS model).
 */
export function createRecordingQueues(forward?: ConsumerQueues): RecordingQueues {
  const queues: RecordingQueues = {
    sent: [],
    visibility: [],
    failing: { delivery: false, dlq: false, visibility: false },
    send(queue, entry) {
      if (queues.failing[queue]) return Promise.reject(new Error('SQS unavailable (test)'));
      queues.sent.push({ queue, entry });
      return forward ? forward.send(queue, entry) : Promise.resolve();
    },
    changeVisibility(receiptHandle, seconds) {
      if (queues.failing.visibility) return Promise.reject(new Error('SQS unavailable (test)'));
      queues.visibility.push({ receiptHandle, seconds });
      return forward ? forward.changeVisibility(receiptHandle, seconds) : Promise.resolve();
    },
    dlq: () => queues.sent.filter(({ queue }) => queue === 'dlq').map(({ entry }) => entry),
    tokens: () => queues.sent.filter(({ queue }) => queue === 'delivery').map(({ entry }) => entry),
  };
  return queues;
}
