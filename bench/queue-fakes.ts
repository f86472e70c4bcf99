import type { SQSEvent } from 'aws-lambda';
import { DeleteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDeliveryQueues, type DeliveryQueueUrls } from '../dev/queue/delivery-queues';
import { toLambdaRecord } from '../dev/queue/event-source-record';
import { startFakeSqs, type FakeSqs } from '../dev/queue/fake-sqs-server';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../test/helpers/dynalite';
import type { QueueFloorTarget } from './child/protocol';

const STAGE = 'bench';
const SESSION_TOKEN = 'tokentest-bench-session';

export interface QueueFakes {
  sqs: FakeSqs;
  queues: DeliveryQueueUrls;
  dynamo: Dynalite;
  /** The Lambda variables of a function of the stack, pointed at these fakes. */
  env(fn: 'webhook' | 'deliver'): NodeJS.ProcessEnv;
  floorTarget(): QueueFloorTarget;
  /**
   * One message on the delivery queue, received as the event source mapping would and handed
   * over as a one-record SQSEvent: a fresh deduplication id each time, so it is never dropped.
   */
  receiveAsEvent(body: string, groupId: string): SQSEvent;
  /**
   * The last message seen on the delivery queue for each robot (`noteQueued` looks): what the
   * consumers are handed, since SQS drops a repeat of the same push within 5 minutes.
   */
  queued: Map<string, { body: string; groupId: string }>;
  noteQueued(): void;
  /** Deletes what the event source mapping would after an invocation that reported nothing. */
  settle(event: SQSEvent): void;
  /** Forgets these table items (the pacing items the consumers write), between cold starts. */
  forget(keys: Array<{ pk: string; sk: string }>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The queue side of the benchmark, in the parent process beside the fake SSM and the robot
 * emulator: the fake SQS with the stack's two queues (dev/queue/) and dynalite with the
 * delivery table. Every queue-mode figure is measured against these.
 */
export async function startQueueFakes(): Promise<QueueFakes> {
  const sqs = await startFakeSqs({ region: DYNALITE_REGION });
  const queues = createDeliveryQueues(sqs.model, { stage: STAGE, endpoint: sqs.endpoint });
  const dynamo = await startDynalite(`gitee-dingtalk-${STAGE}-delivery`);
  const table = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: DYNALITE_REGION,
    credentials: DYNALITE_CREDENTIALS,
  });
  const credentials = {
    AWS_ACCESS_KEY_ID: DYNALITE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DYNALITE_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
  };
  let sequence = 0;
  const queued = new Map<string, { body: string; groupId: string }>();
  return {
    sqs,
    queues,
    dynamo,
    queued,
    noteQueued() {
      for (const message of sqs.model.peek(queues.delivery)) {
        const { robot } = JSON.parse(message.body) as { robot?: string };
        if (robot) queued.set(robot, { body: message.body, groupId: message.groupId });
      }
    },
    env(fn) {
      const common = {
        ...credentials,
        AWS_LAMBDA_FUNCTION_NAME: `gitee-dingtalk-${STAGE}-${fn}`,
        AWS_ENDPOINT_URL_SQS: sqs.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        DELIVERY_QUEUE_URL: queues.delivery,
        DELIVERY_TABLE: dynamo.table,
      };
      return fn === 'webhook'
        ? { ...common, DELIVERY_MODE: 'queue' }
        : { ...common, DELIVERY_DLQ_URL: queues.dlq };
    },
    floorTarget: () => ({
      endpoint: sqs.endpoint,
      queueUrl: queues.delivery,
      region: DYNALITE_REGION,
      credentials: {
        accessKeyId: credentials.AWS_ACCESS_KEY_ID,
        secretAccessKey: credentials.AWS_SECRET_ACCESS_KEY,
        sessionToken: SESSION_TOKEN,
      },
    }),
    receiveAsEvent(body, groupId) {
      const { model } = sqs;
      drain(sqs, queues.delivery);
      model.sendMessage({
        QueueUrl: queues.delivery,
        MessageBody: body,
        MessageGroupId: groupId,
        MessageDeduplicationId: `bench-${Date.now()}-${(sequence += 1)}`,
      });
      const { Messages } = model.receiveMessage({
        QueueUrl: queues.delivery,
        MaxNumberOfMessages: 1,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      });
      const [message] = Messages;
      if (!message) throw new Error('the fake SQS gave no message back');
      const queue = { arn: model.queueArn(queues.delivery), region: model.region };
      return { Records: [toLambdaRecord(message, queue)] };
    },
    settle(event) {
      for (const record of event.Records) {
        sqs.model.deleteMessage({ QueueUrl: queues.delivery, ReceiptHandle: record.receiptHandle });
      }
    },
    async forget(keys) {
      for (const { pk, sk } of keys) {
        await table.send(
          new DeleteItemCommand({ TableName: dynamo.table, Key: { pk: { S: pk }, sk: { S: sk } } }),
        );
      }
    },
    async close() {
      table.destroy();
      await Promise.all([sqs.close(), dynamo.close()]);
    },
  };
}

/** Deletes every visible message (the queue-mode webhooks' own), so the next receive is ours. */
function drain(sqs: FakeSqs, queueUrl: string): void {
  for (;;) {
    const { Messages } = sqs.model.receiveMessage({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 });
    if (Messages.length === 0) return;
    for (const message of Messages) {
      sqs.model.deleteMessage({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle });
    }
  }
}
