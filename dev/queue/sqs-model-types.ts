import type { MoveTaskInput } from './sqs-move-task';
import type {
  BatchEntry,
  BatchOutput,
  MessageMoveTask,
  ReceivedMessage,
  ReceiveMessageInput,
  SendMessageInput,
  SendMessageOutput,
} from './sqs-types';

export interface SqsModelOptions {
  /** The clock every timestamp, visibility and deduplication window reads (default Date.now). */
  now?: () => number;
  region?: string;
  accountId?: string;
  /** Where queue URLs point (the fake server passes its own origin per call instead). */
  endpoint?: string;
  /** SenderId on every message (the sender's IAM principal id on AWS). */
  senderId?: string;
}

/** A stored message as tests and the simulation inspect it (not an SQS call: no side effect). */
export interface MessageSnapshot {
  messageId: string;
  body: string;
  attributes: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  groupId: string;
  deduplicationId: string | undefined;
  sequenceNumber: string;
  sentTimestamp: number;
  receiveCount: number;
  inFlight: boolean;
  /** When it can next be received (now when it is visible). */
  visibleAt: number;
  deadLetterSourceArn: string | undefined;
}

type QueueRef = { QueueUrl: string };
type HandleEntry = { Id: string; ReceiptHandle: string };
type EmptyBatch = BatchOutput<{ Id: string }>;

/**
 * The SQS actions the model implements, in the JSON protocol's shapes; `endpoint` (where
 * answered URLs point) defaults to the model's. A queue is named by its URL (any host) or,
 * in-process, by its bare name. Errors are thrown as SqsError.
 */
export interface SqsModel {
  readonly region: string;
  readonly accountId: string;
  now(): number;
  queueUrl(name: string, endpoint?: string): string;
  queueArn(queueUrlOrName: string): string;

  createQueue(
    input: { QueueName: string; Attributes?: Record<string, string> },
    endpoint?: string,
  ): { QueueUrl: string };
  getQueueUrl(input: { QueueName: string }, endpoint?: string): { QueueUrl: string };
  deleteQueue(input: QueueRef): void;
  listQueues(input: { QueueNamePrefix?: string }, endpoint?: string): { QueueUrls: string[] };
  getQueueAttributes(input: QueueRef & { AttributeNames?: string[] }): {
    Attributes: Record<string, string>;
  };
  setQueueAttributes(input: QueueRef & { Attributes: Record<string, string> }): void;
  purgeQueue(input: QueueRef): void;

  sendMessage(input: SendMessageInput): SendMessageOutput;
  sendMessageBatch(
    input: QueueRef & { Entries: BatchEntry[] },
  ): BatchOutput<SendMessageOutput & { Id: string }>;
  receiveMessage(input: ReceiveMessageInput): { Messages: ReceivedMessage[] };
  deleteMessage(input: QueueRef & { ReceiptHandle: string }): void;
  deleteMessageBatch(input: QueueRef & { Entries: HandleEntry[] }): EmptyBatch;
  changeMessageVisibility(
    input: QueueRef & { ReceiptHandle: string; VisibilityTimeout: number },
  ): void;
  changeMessageVisibilityBatch(
    input: QueueRef & { Entries: Array<HandleEntry & { VisibilityTimeout: number }> },
  ): EmptyBatch;

  startMessageMoveTask(input: MoveTaskInput): { TaskHandle: string };
  listMessageMoveTasks(input: { SourceArn: string; MaxResults?: number }): {
    Results: Array<Omit<MessageMoveTask, 'TaskHandle'>>;
  };

  /** Every message a queue holds, in queue order, visible or not. */
  peek(queueUrlOrName: string): MessageSnapshot[];
  /** The earliest time a message now in flight becomes visible (null: none in flight). */
  nextVisibleAt(): number | null;
  /** Called after every change that may make a message receivable; answers the unsubscribe. */
  onChange(listener: () => void): () => void;
}
