import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDynamoClient, isConditionFailure } from '../../lib/aws/dynamodb';
import { createSqsClient } from '../../lib/aws/sqs';
import { AwsServiceError } from '../../lib/aws/service-error';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import {
  LAMBDA_CREDENTIALS,
  startCaptureServer,
  type CannedAnswer,
  type CaptureServer,
} from './capture-server';

const QUEUE_PATH = '/123456789012/gitee-dingtalk-test-delivery.fifo';
const SECRET_BODY = '{"robot":"team","note":"SECtest-must-not-leak"}';

/** Answers the next calls from `script`, then an empty 200. */
async function scripted(script: CannedAnswer[]): Promise<CaptureServer> {
  return startCaptureServer(() => script.shift() ?? { body: {} });
}

const sqsError = (status: number, type: string, query?: string): CannedAnswer => ({
  status,
  headers: query ? { 'x-amzn-query-error': query } : {},
  body: { __type: `com.amazonaws.sqs#${type}`, message: `${type} happened` },
});

function sqsOn(server: CaptureServer, attemptTimeoutMs?: number) {
  return createSqsClient({
    region: 'ap-east-1',
    credentials: LAMBDA_CREDENTIALS,
    queueUrl: `${server.endpoint}${QUEUE_PATH}`,
    now: () => Date.now(),
    post: createKeepAliveHttpPost(),
    attemptTimeoutMs,
    sleep: () => Promise.resolve(),
  });
}

const entry = (id: string) => ({
  id,
  groupId: 'r-1',
  deduplicationId: `d-${id}`,
  body: SECRET_BODY,
});

describe('the signed JSON client, through the SQS client', () => {
  let server: CaptureServer;
  afterEach(() => server.close());

  it('answers each batch entry in input order: taken, refused with its code, or not in the answer', async () => {
    server = await scripted([
      {
        body: {
          Successful: [
            { Id: 'c', MessageId: 'm3' },
            { Id: 'a', MessageId: 'm1' },
          ],
          Failed: [
            { Id: 'b', Code: 'InvalidParameterValue', SenderFault: true, Message: SECRET_BODY },
          ],
        },
      },
    ]);
    const results = await sqsOn(server).sendMessageBatch(`${server.endpoint}${QUEUE_PATH}`, [
      entry('a'),
      entry('b'),
      entry('c'),
      entry('d'),
    ]);
    expect(results).toEqual([
      { id: 'a', ok: true },
      { id: 'b', ok: false, error: 'InvalidParameterValue' },
      { id: 'c', ok: true },
      { id: 'd', ok: false, error: 'NotInAnswer' },
    ]);
  });

  it('names an error by its type and keeps SQS query code, status and message', async () => {
    server = await scripted([
      sqsError(400, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue;Sender'),
    ]);
    const error = await sqsOn(server)
      .sendMessage(`${server.endpoint}${QUEUE_PATH}`, entry('a'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({
      name: 'QueueDoesNotExist',
      code: 'AWS.SimpleQueueService.NonExistentQueue',
      $metadata: { httpStatusCode: 400 },
      message: 'QueueDoesNotExist happened',
    });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['a 500', sqsError(500, 'InternalError')],
    ['a 503', sqsError(503, 'ServiceUnavailable')],
    ['throttling', sqsError(400, 'RequestThrottled', 'RequestThrottled;Sender')],
  ])('retries %s and succeeds on the third attempt', async (_label, failure) => {
    server = await scripted([failure, failure, { body: { MessageId: 'm1', SequenceNumber: '7' } }]);
    await expect(
      sqsOn(server).sendMessage(`${server.endpoint}${QUEUE_PATH}`, entry('a')),
    ).resolves.toEqual({
      messageId: 'm1',
      sequenceNumber: '7',
    });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after three attempts', async () => {
    server = await scripted([1, 2, 3, 4].map(() => sqsError(500, 'InternalError')));
    await expect(
      sqsOn(server).changeMessageVisibility(`${server.endpoint}${QUEUE_PATH}`, 'rh', 30),
    ).rejects.toThrow(AwsServiceError);
    expect(server.requests).toHaveLength(3);
  });

  it('never puts the request body, the credentials or the signature in the error', async () => {
    server = await scripted([sqsError(400, 'InvalidParameterValue')]);
    const error = (await sqsOn(server)
      .sendMessage(`${server.endpoint}${QUEUE_PATH}`, entry('a'))
      .catch((e: unknown) => e)) as Error;
    const everything = JSON.stringify([error.message, String(error), error.stack, { ...error }]);
    for (const secret of [
      'SECtest-must-not-leak',
      LAMBDA_CREDENTIALS.secretAccessKey,
      LAMBDA_CREDENTIALS.sessionToken!,
      'Signature=',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('refuses an answer that is not a JSON object, without quoting it', async () => {
    server = await startCaptureServer(() => ({ body: 'SECtest-echo' }));
    const error = (await sqsOn(server)
      .getQueueAttributes(`${server.endpoint}${QUEUE_PATH}`, ['All'])
      .catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('InvalidResponseError');
    expect(error.message).not.toContain('SECtest');
  });
});

describe('the signed JSON client without a usable service', () => {
  let silent: http.Server;
  let requests = 0;
  beforeEach(async () => {
    requests = 0;
    silent = http.createServer(() => (requests += 1));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  const silentQueue = () =>
    `http://127.0.0.1:${(silent.address() as AddressInfo).port}${QUEUE_PATH}`;

  it('gives each attempt its own timeout, named TimeoutError', async () => {
    const sqs = createSqsClient({
      region: 'ap-east-1',
      credentials: LAMBDA_CREDENTIALS,
      queueUrl: silentQueue(),
      now: () => Date.now(),
      post: createKeepAliveHttpPost(),
      attemptTimeoutMs: 50,
      sleep: () => Promise.resolve(),
    });
    await expect(sqs.sendMessage(silentQueue(), entry('a'))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(requests).toBe(3);
  });

  it("stops at the caller's signal: no further attempt, AbortError", async () => {
    const sqs = createSqsClient({
      region: 'ap-east-1',
      credentials: LAMBDA_CREDENTIALS,
      queueUrl: silentQueue(),
      now: () => Date.now(),
      post: createKeepAliveHttpPost(),
      attemptTimeoutMs: 10_000,
    });
    const controller = new AbortController();
    const sending = sqs.sendMessageBatch(silentQueue(), [entry('a')], {
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toBe(1);
  });
});

describe('the signed JSON client, through the DynamoDB client', () => {
  let server: CaptureServer;
  afterEach(() => server.close());

  it('rejects a failed condition at once, recognisably, without retrying it', async () => {
    server = await scripted([
      {
        status: 400,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
          message: 'The conditional request failed',
        },
      },
    ]);
    const dynamo = createDynamoClient({
      region: 'ap-east-1',
      credentials: LAMBDA_CREDENTIALS,
      endpoint: server.endpoint,
      now: () => Date.now(),
      post: createKeepAliveHttpPost(),
      sleep: () => Promise.resolve(),
    });
    const error = await dynamo
      .putItem('t', { pk: 'a', sk: 'b' }, { condition: 'attribute_not_exists(pk)' })
      .catch((e: unknown) => e);
    expect(isConditionFailure(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('retries ProvisionedThroughputExceededException', async () => {
    const throttled = {
      status: 400,
      body: { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException' },
    };
    server = await scripted([throttled, { body: { Item: { pk: { S: 'a' }, n: { N: '1.5' } } } }]);
    const dynamo = createDynamoClient({
      region: 'ap-east-1',
      credentials: LAMBDA_CREDENTIALS,
      endpoint: server.endpoint,
      now: () => Date.now(),
      post: createKeepAliveHttpPost(),
      sleep: () => Promise.resolve(),
    });
    await expect(dynamo.getItem('t', { pk: 'a', sk: 'b' })).resolves.toEqual({ pk: 'a', n: 1.5 });
    expect(server.requests).toHaveLength(2);
  });
});
