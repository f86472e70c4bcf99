import type { SQSRecord } from 'aws-lambda';

/** What the consumer reads off one Lambda SQS record, typed once at the edge. */
export interface RecordFacts {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** MessageGroupId; a record without one (not FIFO) is a group of its own. */
  groupId: string;
  /** SequenceNumber zero-padded to 40 digits, the pending item's sort key. */
  seq: string;
  /** ApproximateReceiveCount: 1 on the first delivery. */
  receiveCount: number;
  /** SentTimestamp (epoch ms): when the message last entered the queue (a redrive renews it). */
  sentTimestamp: number;
}

const SEQ_DIGITS = 40;

function count(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
}

export function recordFacts(record: SQSRecord, now: number): RecordFacts {
  const { attributes } = record;
  const sentTimestamp = count(attributes?.SentTimestamp, now);
  // FIFO records always carry a SequenceNumber; the send time keeps others in order enough.
  const sequence = /^\d+$/.test(attributes?.SequenceNumber ?? '')
    ? attributes.SequenceNumber!
    : String(sentTimestamp);
  return {
    messageId: record.messageId,
    receiptHandle: record.receiptHandle,
    body: record.body,
    groupId: attributes?.MessageGroupId ?? `single-${record.messageId}`,
    seq: sequence.padStart(SEQ_DIGITS, '0'),
    receiveCount: Math.max(1, count(attributes?.ApproximateReceiveCount, 1)),
    sentTimestamp,
  };
}

/** The batch's records by message group, groups and records in batch order. */
export function groupRecords(records: readonly RecordFacts[]): RecordFacts[][] {
  const groups = new Map<string, RecordFacts[]>();
  for (const record of records) {
    const group = groups.get(record.groupId);
    if (group) group.push(record);
    else groups.set(record.groupId, [record]);
  }
  return [...groups.values()];
}
