import {
  optionalAttributes,
  optionalInteger,
  optionalString,
  optionalStringMap,
  optionalStrings,
  requiredInteger,
  requiredObjects,
  requiredString,
  type Input,
} from './fake-sqs-input';
import type { SqsModel } from './sqs-model';
import type { BatchEntry, ReceiveMessageInput, SendMessageInput } from './sqs-types';

/** One action: reads its JSON input and calls the model; `endpoint` is where URLs point. */
type Operation = (model: SqsModel, input: Input, endpoint: string) => unknown;

function messageFields(input: Input): Omit<SendMessageInput, 'QueueUrl'> {
  return {
    MessageBody: requiredString(input, 'MessageBody'),
    DelaySeconds: optionalInteger(input, 'DelaySeconds'),
    MessageAttributes: optionalAttributes(input, 'MessageAttributes'),
    MessageGroupId: optionalString(input, 'MessageGroupId'),
    MessageDeduplicationId: optionalString(input, 'MessageDeduplicationId'),
  };
}

const queueUrl = (input: Input) => requiredString(input, 'QueueUrl');

const handleEntries = (input: Input) =>
  requiredObjects(input, 'Entries').map((entry) => ({
    Id: requiredString(entry, 'Id'),
    ReceiptHandle: requiredString(entry, 'ReceiptHandle'),
  }));

export function readReceiveInput(input: Input): ReceiveMessageInput {
  return {
    QueueUrl: queueUrl(input),
    MaxNumberOfMessages: optionalInteger(input, 'MaxNumberOfMessages'),
    VisibilityTimeout: optionalInteger(input, 'VisibilityTimeout'),
    WaitTimeSeconds: optionalInteger(input, 'WaitTimeSeconds'),
    AttributeNames: optionalStrings(input, 'AttributeNames'),
    MessageSystemAttributeNames: optionalStrings(input, 'MessageSystemAttributeNames'),
    MessageAttributeNames: optionalStrings(input, 'MessageAttributeNames'),
    ReceiveRequestAttemptId: optionalString(input, 'ReceiveRequestAttemptId'),
  };
}

/** The actions the fake answers; ReceiveMessage's long poll is the server's (it waits). */
export const OPERATIONS: Record<string, Operation> = {
  CreateQueue: (model, input, endpoint) =>
    model.createQueue(
      {
        QueueName: requiredString(input, 'QueueName'),
        Attributes: optionalStringMap(input, 'Attributes'),
      },
      endpoint,
    ),
  GetQueueUrl: (model, input, endpoint) =>
    model.getQueueUrl({ QueueName: requiredString(input, 'QueueName') }, endpoint),
  DeleteQueue: (model, input) => model.deleteQueue({ QueueUrl: queueUrl(input) }),
  ListQueues: (model, input, endpoint) =>
    model.listQueues({ QueueNamePrefix: optionalString(input, 'QueueNamePrefix') }, endpoint),
  GetQueueAttributes: (model, input) =>
    model.getQueueAttributes({
      QueueUrl: queueUrl(input),
      AttributeNames: optionalStrings(input, 'AttributeNames'),
    }),
  SetQueueAttributes: (model, input) =>
    model.setQueueAttributes({
      QueueUrl: queueUrl(input),
      Attributes: optionalStringMap(input, 'Attributes') ?? {},
    }),
  PurgeQueue: (model, input) => model.purgeQueue({ QueueUrl: queueUrl(input) }),
  SendMessage: (model, input) =>
    model.sendMessage({ QueueUrl: queueUrl(input), ...messageFields(input) }),
  SendMessageBatch: (model, input) =>
    model.sendMessageBatch({
      QueueUrl: queueUrl(input),
      Entries: requiredObjects(input, 'Entries').map((entry): BatchEntry => ({
        Id: requiredString(entry, 'Id'),
        ...messageFields(entry),
      })),
    }),
  ReceiveMessage: (model, input) => model.receiveMessage(readReceiveInput(input)),
  DeleteMessage: (model, input) =>
    model.deleteMessage({
      QueueUrl: queueUrl(input),
      ReceiptHandle: requiredString(input, 'ReceiptHandle'),
    }),
  DeleteMessageBatch: (model, input) =>
    model.deleteMessageBatch({ QueueUrl: queueUrl(input), Entries: handleEntries(input) }),
  ChangeMessageVisibility: (model, input) =>
    model.changeMessageVisibility({
      QueueUrl: queueUrl(input),
      ReceiptHandle: requiredString(input, 'ReceiptHandle'),
      VisibilityTimeout: requiredInteger(input, 'VisibilityTimeout'),
    }),
  ChangeMessageVisibilityBatch: (model, input) =>
    model.changeMessageVisibilityBatch({
      QueueUrl: queueUrl(input),
      Entries: requiredObjects(input, 'Entries').map((entry) => ({
        Id: requiredString(entry, 'Id'),
        ReceiptHandle: requiredString(entry, 'ReceiptHandle'),
        VisibilityTimeout: requiredInteger(entry, 'VisibilityTimeout'),
      })),
    }),
  StartMessageMoveTask: (model, input) =>
    model.startMessageMoveTask({
      SourceArn: requiredString(input, 'SourceArn'),
      DestinationArn: optionalString(input, 'DestinationArn'),
      MaxNumberOfMessagesPerSecond: optionalInteger(input, 'MaxNumberOfMessagesPerSecond'),
    }),
  ListMessageMoveTasks: (model, input) =>
    model.listMessageMoveTasks({
      SourceArn: requiredString(input, 'SourceArn'),
      MaxResults: optionalInteger(input, 'MaxResults'),
    }),
};
