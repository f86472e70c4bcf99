import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDeliveryQueues } from '../../dev/queue/delivery-queues';
import { startFakeSqs, type FakeSqs } from '../../dev/queue/fake-sqs-server';
import { createDynamoClient } from '../../lib/aws/dynamodb';
import { createSqsClient } from '../../lib/aws/sqs';
import { createSqsConsumerQueues } from '../../lib/aws/sqs-ports';
import type { ConsumerQueues, PacingStore } from '../../lib/delivery/ports';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { createDynamoPacingStore } from '../../lib/store/dynamo-pacing';
import { runSettingsCli } from '../../scripts/settings/cli';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../helpers/dynalite';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const STAGE = 'test';

/**
 * The operator commands against a stage's resources, all offline: the fake SQS (dev/queue)
 * with the stack's two FIFO queues, and dynalite with the delivery table. Messages and pace
 * items are written as the consumer writes them (the production SQS and DynamoDB clients,
 * the DynamoDB PacingStore); the CLI reads them with the SDK clients, as an operator's does.
 */
export interface OperatorRig {
  sqs: FakeSqs;
  db: Dynalite;
  urls: { delivery: string; dlq: string };
  /** The consumer's side: dead letters go out as it sends them. */
  queues: ConsumerQueues;
  store: PacingStore;
  /** Runs the settings CLI; answers its exit code and what it printed. */
  run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }>;
  close(): Promise<void>;
}

export async function startOperatorRig(now: () => number = Date.now): Promise<OperatorRig> {
  const sqs = await startFakeSqs();
  const db = await startDynalite(`gitee-dingtalk-${STAGE}-delivery`);
  const urls = createDeliveryQueues(sqs.model, { stage: STAGE, endpoint: sqs.endpoint });
  const post = createKeepAliveHttpPost();
  const common = { region: DYNALITE_REGION, credentials: DYNALITE_CREDENTIALS, post };
  const queueClient = createSqsClient({
    ...common,
    endpoint: sqs.endpoint,
    queueUrl: urls.delivery,
    now,
  });
  const dynamo = createDynamoClient({ ...common, endpoint: db.endpoint, now });
  return {
    sqs,
    db,
    urls,
    queues: createSqsConsumerQueues(queueClient, urls),
    store: createDynamoPacingStore({ dynamo, table: db.table, now }),
    async run(...argv) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runSettingsCli(argv, {
        createClient: () => {
          throw new Error('the operator commands need no SSM');
        },
        createQueueClient: (region) =>
          new SQSClient({
            region,
            endpoint: sqs.endpoint,
            credentials: DYNALITE_CREDENTIALS,
            maxAttempts: 1,
          }),
        createTableClient: (region) =>
          new DynamoDBClient({
            region,
            endpoint: db.endpoint,
            credentials: DYNALITE_CREDENTIALS,
            maxAttempts: 1,
          }),
        readFile: () => Promise.reject(new Error('no files')),
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        defaultRegion: DYNALITE_REGION,
        now,
      });
      return { code, out, err };
    },
    async close() {
      await sqs.close();
      await db.close();
    },
  };
}

let counter = 0;

/** A robot's group id, shaped as robotGroupId makes them. */
export function groupOf(robot: string): string {
  return `r-${createHash('sha256').update(robot).digest('hex').slice(0, 16)}`;
}

/** A dead letter as the consumer sends it (design.md, "DLQ message"). */
export function deadLetter(
  robot: string,
  reason: string,
  options: { group?: string; errcode?: number; body?: string } = {},
) {
  counter += 1;
  const attributes = {
    reason: { type: 'String' as const, value: reason },
    robot: { type: 'String' as const, value: robot },
    deadLetteredAt: { type: 'Number' as const, value: String(Date.now()) },
    ...(options.errcode === undefined
      ? {}
      : { errcode: { type: 'Number' as const, value: String(options.errcode) } }),
  };
  return {
    groupId: options.group ?? groupOf(robot),
    deduplicationId: `original-message-id-${counter}`,
    body:
      options.body ??
      JSON.stringify({
        v: 1,
        robot,
        key: `key${counter}`,
        receivedAt: 1,
        event: { kind: 'push', action: 'push', repository: 'org/api' },
      }),
    attributes,
  };
}
