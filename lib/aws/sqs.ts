import type { EnqueueResult, MessageAttribute, QueueEntry } from '../delivery/ports';
import { isRecord, type JsonRecord } from '../json-record';
import { resolveSqsEndpoint } from './endpoint';
import { createAwsJsonClient, type AwsServiceClientDeps, type CallOptions } from './json-client';
import { createAwsJsonSigner } from './sign-json-request';

export interface SqsClientDeps extends AwsServiceClientDeps {
  /** A queue this client serves: its origin is the endpoint when none is configured. */
  queueUrl: string;
}

/** What SendMessage answered: SQS's id and, on a FIFO queue, the sequence number. */
export interface SentMessage {
  messageId: string;
  sequenceNumber?: string;
}

/** The SQS actions queued delivery uses, in the JSON 1.0 protocol (`AmazonSQS.<Action>`). */
export interface SqsClient {
  sendMessageBatch(
    queueUrl: string,
    entries: QueueEntry[],
    options?: CallOptions,
  ): Promise<EnqueueResult[]>;
  sendMessage(
    queueUrl: string,
    entry: Omit<QueueEntry, 'id'>,
    options?: CallOptions,
  ): Promise<SentMessage>;
  changeMessageVisibility(
    queueUrl: string,
    receiptHandle: string,
    seconds: number,
    options?: CallOptions,
  ): Promise<void>;
  getQueueAttributes(
    queueUrl: string,
    names: readonly string[],
    options?: CallOptions,
  ): Promise<Record<string, string>>;
}

/**
 * SQS without its SDK client (which would take the webhook zip past 150 KB, issue 11). The
 * request fields are written in the order the SDK writes them, so the signed bodies match it
 * byte for byte (test/aws/sqs-cross-check.test.ts); `x-amzn-query-mode` is sent as the SDK
 * sends it, so SQS answers with the legacy query error code too.
 */
export function createSqsClient(deps: SqsClientDeps): SqsClient {
  const { region, credentials, endpoint, queueUrl, ...transport } = deps;
  const call = createAwsJsonClient({
    ...transport,
    label: 'SQS',
    url: resolveSqsEndpoint(region, endpoint, queueUrl),
    targetPrefix: 'AmazonSQS',
    sign: createAwsJsonSigner({
      service: 'sqs',
      region,
      credentials,
      version: '1.0',
      headers: { 'x-amzn-query-mode': 'true' },
    }),
  });
  return {
    async sendMessageBatch(queueUrl, entries, options) {
      const Entries = entries.map((entry) => ({ Id: entry.id, ...messageFields(entry) }));
      const output = await call('SendMessageBatch', { QueueUrl: queueUrl, Entries }, options);
      return batchResults(entries, output);
    },
    async sendMessage(queueUrl, entry, options) {
      const output = await call(
        'SendMessage',
        { QueueUrl: queueUrl, ...messageFields(entry) },
        options,
      );
      return {
        messageId: stringField(output, 'MessageId') ?? '',
        ...optional('sequenceNumber', stringField(output, 'SequenceNumber')),
      };
    },
    async changeMessageVisibility(queueUrl, receiptHandle, seconds, options) {
      const input = {
        QueueUrl: queueUrl,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: seconds,
      };
      await call('ChangeMessageVisibility', input, options);
    },
    async getQueueAttributes(queueUrl, names, options) {
      const input = { QueueUrl: queueUrl, AttributeNames: [...names] };
      const { Attributes: attributes } = await call('GetQueueAttributes', input, options);
      return isRecord(attributes) ? stringValues(attributes) : {};
    },
  };
}

/** MessageBody, MessageAttributes, MessageDeduplicationId, MessageGroupId: the SDK's order. */
function messageFields(entry: Omit<QueueEntry, 'id'>) {
  return {
    MessageBody: entry.body,
    ...(entry.attributes && Object.keys(entry.attributes).length > 0
      ? { MessageAttributes: attributeFields(entry.attributes) }
      : {}),
    MessageDeduplicationId: entry.deduplicationId,
    MessageGroupId: entry.groupId,
  };
}

/** Number attributes travel as text with DataType Number, as the SDK sends them. */
function attributeFields(attributes: Record<string, MessageAttribute>) {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, { type, value }]) => [
      name,
      { DataType: type, StringValue: value },
    ]),
  );
}

/** Every entry gets a verdict, in input order; one SQS named in neither list did not get in. */
function batchResults(entries: QueueEntry[], output: JsonRecord): EnqueueResult[] {
  const taken = new Set(records(output.Successful).map((entry) => stringField(entry, 'Id')));
  const failed = new Map(
    records(output.Failed).map((entry) => [stringField(entry, 'Id'), stringField(entry, 'Code')]),
  );
  return entries.map(({ id }): EnqueueResult => {
    if (failed.has(id)) return { id, ok: false, error: failed.get(id) || 'Failed' };
    return taken.has(id) ? { id, ok: true } : { id, ok: false, error: 'NotInAnswer' };
  });
}

function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function stringField(record: JsonRecord, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

function stringValues(record: JsonRecord): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
