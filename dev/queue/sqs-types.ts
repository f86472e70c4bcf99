/**
 * The SQS JSON protocol's request and answer shapes the model speaks, field for field as
 * they travel (PascalCase; binary values as base64 strings). Only the fields the model
 * reads or writes are declared.
 */

export interface WireAttributeValue {
  DataType: string;
  StringValue?: string;
  /** base64, as the JSON protocol carries blobs. */
  BinaryValue?: string;
}

export type WireAttributes = Record<string, WireAttributeValue>;

export interface SendMessageInput {
  QueueUrl: string;
  MessageBody: string;
  DelaySeconds?: number;
  MessageAttributes?: WireAttributes;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
}

export interface SendMessageOutput {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  SequenceNumber?: string;
}

export type BatchEntry = Omit<SendMessageInput, 'QueueUrl'> & { Id: string };

export interface BatchResultError {
  Id: string;
  SenderFault: boolean;
  Code: string;
  Message: string;
}

export interface BatchOutput<Success> {
  Successful: Success[];
  Failed: BatchResultError[];
}

export interface ReceiveMessageInput {
  QueueUrl: string;
  MaxNumberOfMessages?: number;
  VisibilityTimeout?: number;
  WaitTimeSeconds?: number;
  /** Deprecated spelling of MessageSystemAttributeNames; SDKs still send it. */
  AttributeNames?: string[];
  MessageSystemAttributeNames?: string[];
  MessageAttributeNames?: string[];
  ReceiveRequestAttemptId?: string;
}

export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MessageAttributes?: WireAttributes;
  MD5OfMessageAttributes?: string;
}

export interface MessageMoveTask {
  TaskHandle?: string;
  Status: 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';
  SourceArn: string;
  DestinationArn?: string;
  MaxNumberOfMessagesPerSecond?: number;
  ApproximateNumberOfMessagesMoved: number;
  ApproximateNumberOfMessagesToMove: number;
  FailureReason?: string;
  StartedTimestamp: number;
}
