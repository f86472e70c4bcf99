import type { EventView } from '../view/event-view';

/**
 * The ports of queued delivery (issue 11). The webhook enqueues one message per routed robot;
 * the deliver function paces, merges and sends them. Every port has a production
 * implementation (signed JSON clients for SQS and DynamoDB, lib/aws/) and an in-memory one
 * (the embedded default of `npm start`, and the unit tests), driven by the same code.
 */

/** The queue message body (contract): plain JSON, never a secret. */
export interface QueueMessageBody {
  v: 1;
  /** The robot's name in the settings; the consumer renders with its *current* settings. */
  robot: string;
  /** The MessageDeduplicationId (hex), also the event's key in /playground/deliveries. */
  key: string;
  /** When the webhook received the event (epoch ms). */
  receivedAt: number;
  event: { kind: string; action: string; repository: string };
  /** The neutral event view, described in the robot's locale and time zone. */
  view: EventView;
  /** The route asked for @everyone (absent when not). */
  atAll?: true;
}

/** The body version the consumer writes today; it also accepts the one before. */
export const QUEUE_MESSAGE_VERSION = 1;

/** One SendMessageBatch entry of the delivery queue. */
export interface QueueEntry {
  /** Batch entry id: unique within one batch ([A-Za-z0-9_-], ≤ 80). */
  id: string;
  /** `r-` + 16 hex of sha256(credential) for events; `f-` + the same for flush tokens. */
  groupId: string;
  deduplicationId: string;
  body: string;
  /** String or Number message attributes (the DLQ's reason, robot, errcode, deadLetteredAt). */
  attributes?: Record<string, MessageAttribute>;
}

export interface MessageAttribute {
  type: 'String' | 'Number';
  value: string;
}

/** What SQS said about one entry: taken, or not (with SQS's code, never the body). */
export type EnqueueResult = { id: string; ok: true } | { id: string; ok: false; error: string };

/** The webhook's side: entries go out in batches of ≤ 10 entries and ≤ 256 KiB. */
export interface QueueSender {
  /** One SendMessageBatch call; rejects when the call itself fails (network, 5xx, auth). */
  sendBatch(entries: QueueEntry[], signal: AbortSignal): Promise<EnqueueResult[]>;
}

/** The consumer's side of both queues (URLs from the environment, never eventSourceARN). */
export interface ConsumerQueues {
  /** SendMessage to the delivery queue (flush tokens) or the DLQ (dead letters). */
  send(queue: 'delivery' | 'dlq', entry: Omit<QueueEntry, 'id'>): Promise<void>;
  /** ChangeMessageVisibility of a received delivery-queue message. */
  changeVisibility(receiptHandle: string, seconds: number): Promise<void>;
}

/** One robot's pacing item (`pk = <group id>`, `sk = pace`). */
export interface PaceRecord {
  /** The robot name seen last (for `status`); names sharing a credential share the item. */
  robot: string;
  /** Send times (epoch ms) within the last 60 s, oldest first. */
  sent: number[];
  /** The platform blocks this robot until then (0: not blocked). */
  blockedUntil: number;
  /** receivedAt of the oldest event stored as pending (null: none pending). */
  oldestPendingAt: number | null;
  pendingCount: number;
  /** When a flush token was last sent or handled (null: none is out). */
  flushTokenAt: number | null;
  /** Consecutive transient failures, for the digest's backoff. */
  failures: number;
  lastError: { reason: string; errcode?: number; at: number } | null;
  lastSuccessAt: number | null;
  /** Version for conditional writes; 0 means the item does not exist yet. */
  ver: number;
}

/** An event waiting for a digest (`sk = pending#<SequenceNumber, zero-padded to 40>`). */
export interface PendingEvent {
  /** The SQS SequenceNumber, zero-padded to 40 digits so items sort in queue order. */
  seq: string;
  /** The original SQS message id (the DLQ's deduplication id if it ends there). */
  messageId: string;
  /** The original message body, unchanged. */
  body: string;
  /** The original SentTimestamp (epoch ms): `expired` is measured from it. */
  sentTimestamp: number;
  receivedAt: number;
  /** Digest attempts that included this event and failed. */
  attempts: number;
}

/** The delivery table's pacing side (DynamoDB in production, memory locally). */
export interface PacingStore {
  /** The robot's item, or a fresh one with `ver: 0`. */
  readPace(group: string): Promise<PaceRecord>;
  /**
   * Writes `next` (stored with `ver = expectedVer + 1`) only if the stored version is still
   * `expectedVer` (0: absent). Answers false on a conflict; rejects when the store fails.
   * A conditional PutItem, so the webhook (PutItem/GetItem only) can take a ping's slot.
   */
  writePace(group: string, next: PaceRecord, expectedVer: number): Promise<boolean>;
  /** Stores a pending event; storing the same `seq` again changes nothing. */
  addPending(group: string, event: PendingEvent): Promise<void>;
  /** Up to `limit` pending events, oldest (lowest seq) first. */
  listPending(group: string, limit: number): Promise<PendingEvent[]>;
  /** Replaces a pending event (its attempts). */
  updatePending(group: string, event: PendingEvent): Promise<void>;
  removePending(group: string, seqs: readonly string[]): Promise<void>;
}

/** A fresh pace record, as readPace answers for a robot never seen. */
export function emptyPace(robot: string): PaceRecord {
  return {
    robot,
    sent: [],
    blockedUntil: 0,
    oldestPendingAt: null,
    pendingCount: 0,
    flushTokenAt: null,
    failures: 0,
    lastError: null,
    lastSuccessAt: null,
    ver: 0,
  };
}
