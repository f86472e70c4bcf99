import {
  ChangeMessageVisibilityCommand,
  GetQueueAttributesCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { createSqsClient, type SqsClient } from '../../lib/aws/sqs';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import {
  comparableHeaders,
  LAMBDA_CREDENTIALS,
  LONG_TERM_CREDENTIALS,
  parseAmzDate,
  startCaptureServer,
  type CaptureServer,
  type TestCredentials,
} from './capture-server';
import { dropSdkBookkeeping } from './sdk-bookkeeping';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
const BODY = JSON.stringify({ v: 1, robot: 'team', key: 'ab12', view: { title: '推送 · 中文' } });

/** Answers shaped as SQS's, MD5s included (the SDK checks them). */
function answer(target: string, input: unknown) {
  const fields = input as {
    Entries?: Array<{ Id: string; MessageBody: string }>;
    MessageBody?: string;
  };
  switch (target) {
    case 'AmazonSQS.SendMessageBatch':
      return {
        body: {
          Successful: (fields.Entries ?? []).map((entry, i) => ({
            Id: entry.Id,
            MessageId: `m-${i}`,
            MD5OfMessageBody: md5(entry.MessageBody),
            SequenceNumber: `1880000000000000000${i}`,
          })),
          Failed: [],
        },
      };
    case 'AmazonSQS.SendMessage':
      return {
        body: {
          MessageId: 'm-0',
          MD5OfMessageBody: md5(fields.MessageBody ?? ''),
          SequenceNumber: '18800000000000000001',
        },
      };
    case 'AmazonSQS.GetQueueAttributes':
      return { body: { Attributes: { ApproximateNumberOfMessages: '3' } } };
    default:
      return { body: {} };
  }
}

/** The SDK warns when the queue URL's host replaces its regional endpoint: that is the rule here. */
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

interface Operation {
  sdk: (client: SQSClient, queueUrl: string) => Promise<unknown>;
  ours: (sqs: SqsClient, queueUrl: string) => Promise<unknown>;
}

const dlqAttributes = {
  reason: { type: 'String' as const, value: 'keyword' },
  robot: { type: 'String' as const, value: 'team' },
  errcode: { type: 'Number' as const, value: '310000' },
  deadLetteredAt: { type: 'Number' as const, value: '1764197706000' },
};

const OPERATIONS: Record<string, Operation> = {
  SendMessageBatch: {
    sdk: (client, QueueUrl) =>
      client.send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: [
            {
              Id: 'e0',
              MessageBody: BODY,
              MessageDeduplicationId: 'd0',
              MessageGroupId: 'r-0123456789abcdef',
            },
            {
              Id: 'e1',
              MessageBody: '{"flush":1}',
              MessageAttributes: { reason: { DataType: 'String', StringValue: 'keyword' } },
              MessageDeduplicationId: 'd1',
              MessageGroupId: 'f-0123456789abcdef',
            },
          ],
        }),
      ),
    ours: (sqs, queueUrl) =>
      sqs.sendMessageBatch(queueUrl, [
        { id: 'e0', groupId: 'r-0123456789abcdef', deduplicationId: 'd0', body: BODY },
        {
          id: 'e1',
          groupId: 'f-0123456789abcdef',
          deduplicationId: 'd1',
          body: '{"flush":1}',
          attributes: { reason: { type: 'String', value: 'keyword' } },
        },
      ]),
  },
  'SendMessage with String and Number attributes': {
    sdk: (client, QueueUrl) =>
      client.send(
        new SendMessageCommand({
          QueueUrl,
          MessageBody: BODY,
          MessageAttributes: {
            reason: { DataType: 'String', StringValue: 'keyword' },
            robot: { DataType: 'String', StringValue: 'team' },
            errcode: { DataType: 'Number', StringValue: '310000' },
            deadLetteredAt: { DataType: 'Number', StringValue: '1764197706000' },
          },
          MessageDeduplicationId: 'msg-original-id',
          MessageGroupId: 'r-0123456789abcdef',
        }),
      ),
    ours: (sqs, queueUrl) =>
      sqs.sendMessage(queueUrl, {
        groupId: 'r-0123456789abcdef',
        deduplicationId: 'msg-original-id',
        body: BODY,
        attributes: dlqAttributes,
      }),
  },
  ChangeMessageVisibility: {
    sdk: (client, QueueUrl) =>
      client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl,
          ReceiptHandle: 'rh+/=1',
          VisibilityTimeout: 120,
        }),
      ),
    ours: (sqs, queueUrl) => sqs.changeMessageVisibility(queueUrl, 'rh+/=1', 120),
  },
  GetQueueAttributes: {
    sdk: (client, QueueUrl) =>
      client.send(
        new GetQueueAttributesCommand({
          QueueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      ),
    ours: (sqs, queueUrl) =>
      sqs.getQueueAttributes(queueUrl, [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ]),
  },
};

const CREDENTIALS: Record<string, TestCredentials> = {
  'temporary credentials': LAMBDA_CREDENTIALS,
  'long-term credentials': LONG_TERM_CREDENTIALS,
};
type Case = [
  operation: string,
  region: string,
  credentials: string,
  endpoint: 'configured' | 'queue URL',
];
const CASES: Case[] = [
  ...Object.keys(OPERATIONS).map((op): Case => [
    op,
    'ap-east-1',
    'temporary credentials',
    'configured',
  ]),
  ['SendMessageBatch', 'cn-north-1', 'long-term credentials', 'configured'],
  ['SendMessageBatch', 'ap-east-1', 'temporary credentials', 'queue URL'],
  ['ChangeMessageVisibility', 'eu-central-1', 'long-term credentials', 'queue URL'],
];

describe('the SQS client sends exactly what the AWS SDK SQSClient sends', () => {
  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer(answer);
  });
  afterEach(() => server.close());

  it.each(CASES)('%s in %s, %s, endpoint from %s', async (op, region, label, endpointFrom) => {
    const operation = OPERATIONS[op]!;
    const credentials = CREDENTIALS[label]!;
    const queueUrl = `${server.endpoint}/123456789012/gitee-dingtalk-test-delivery.fifo`;
    const endpoint = endpointFrom === 'configured' ? server.endpoint : undefined;
    const sdk = new SQSClient({ region, credentials, endpoint, maxAttempts: 1, logger: quiet });
    dropSdkBookkeeping(sdk.middlewareStack);
    try {
      await operation.sdk(sdk, queueUrl);
    } finally {
      sdk.destroy();
    }
    const [theirs] = server.requests;
    const signedAt = parseAmzDate(theirs?.headers['x-amz-date']);

    const ours = createSqsClient({
      region,
      credentials,
      endpoint,
      queueUrl,
      now: () => signedAt,
      post: createKeepAliveHttpPost(),
    });
    await operation.ours(ours, queueUrl);
    const [, mine] = server.requests;

    expect(mine?.method).toBe(theirs?.method);
    expect(mine?.path).toBe(theirs?.path);
    expect(JSON.parse(mine?.body ?? '')).toEqual(JSON.parse(theirs?.body ?? ''));
    expect(mine?.body).toBe(theirs?.body);
    expect(comparableHeaders(mine!.headers)).toEqual(comparableHeaders(theirs!.headers));
    expect(theirs?.headers.authorization).toMatch(
      `/${region}/sqs/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;${credentials.sessionToken ? 'x-amz-security-token;' : ''}x-amz-target;x-amzn-query-mode, Signature=`,
    );
    expect(mine?.headers.authorization).toBe(theirs?.headers.authorization);
  });
});
