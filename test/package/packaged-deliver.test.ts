import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { createDeliveryQueues, type DeliveryQueueUrls } from '../../dev/queue/delivery-queues';
import { createEventSource, type InvocationReport } from '../../dev/queue/event-source';
import { startFakeSqs, type FakeSqs } from '../../dev/queue/fake-sqs-server';
import type { RunningRobotEmulator } from '../../dev/robot-emulator/types';
import { signedGiteeEvent } from '../helpers/api-gateway';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../helpers/dynalite';
import { loadFixture } from '../helpers/fixtures';
import { invokeBundle } from './invoke-bundle';
import { packagedStack, unzipFunction, type Packaged } from './stack';

/**
 * The deliver zip as `serverless package` made it, unzipped and run in fresh Node processes
 * against the fakes: SSM (dev/fake-ssm.ts), SQS (dev/queue/fake-sqs-server.ts, the stack's
 * two queues), DynamoDB (dynalite) and the DingTalk robot emulator. The webhook zip, in queue
 * mode, puts the message on the queue, as on AWS; an emulated event source mapping hands it
 * to the deliver bundle and deletes only what the batch response does not report.
 */
const GITEE_SECRET = 'gitee-test-secret-deliver';
const STAGE_PATH = '/gitee-dingtalk/pkg';
const ROBOT = { name: 'team', accessToken: 'tokentest-deliver-team', secret: 'SECtest-deliver' };

let stack: Packaged;
let webhookDir: string;
let deliverDir: string;

beforeAll(async () => {
  stack = await packagedStack();
  webhookDir = unzipFunction(stack, 'webhook');
  deliverDir = unzipFunction(stack, 'deliver');
}, 240_000);

afterAll(() => {
  for (const dir of [webhookDir, deliverDir]) rmSync(dir, { recursive: true, force: true });
});

interface Fakes {
  robot: RunningRobotEmulator;
  ssm: FakeSsm;
  sqs: FakeSqs;
  queues: DeliveryQueueUrls;
  dynamo: Dynalite;
  close(): Promise<void>;
}

/** The fakes for one robot; `keywords` is what the robot itself demands (its group's setting). */
async function startFakes(robotKeywords: string[], configuredKeywords: string[]): Promise<Fakes> {
  const robot = await startRobotEmulator({ robots: [{ ...ROBOT, keywords: robotKeywords }] });
  const config = `robots:\n  team:\n    keywords: ${JSON.stringify(configuredKeywords)}\n`;
  const ssm = await startFakeSsm({
    [`${STAGE_PATH}/gitee/secret`]: { value: GITEE_SECRET, type: 'SecureString' },
    [`${STAGE_PATH}/robots/team/webhook`]: { value: robot.url('team'), type: 'SecureString' },
    [`${STAGE_PATH}/robots/team/secret`]: { value: ROBOT.secret, type: 'SecureString' },
    [`${STAGE_PATH}/config`]: { value: config },
  });
  const sqs = await startFakeSqs({ region: 'ap-east-1' });
  const queues = createDeliveryQueues(sqs.model, { stage: 'pkg', endpoint: sqs.endpoint });
  const dynamo = await startDynalite('gitee-dingtalk-pkg-delivery');
  return {
    robot,
    ssm,
    sqs,
    queues,
    dynamo,
    close: async () => {
      await Promise.all([robot.close(), ssm.close(), sqs.close(), dynamo.close()]);
    },
  };
}

/** What Lambda sets for a function of the stack, pointed at the fakes. */
function lambdaEnv(fakes: Fakes, fn: 'webhook' | 'deliver'): Record<string, string> {
  const common = {
    AWS_LAMBDA_FUNCTION_NAME: `gitee-dingtalk-pkg-${fn}`,
    AWS_REGION: DYNALITE_REGION,
    AWS_ACCESS_KEY_ID: DYNALITE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DYNALITE_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'tokentest-session',
    AWS_ENDPOINT_URL_SSM: fakes.ssm.endpoint,
    AWS_ENDPOINT_URL_SQS: fakes.sqs.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: fakes.dynamo.endpoint,
    SETTINGS_SSM_PATH: STAGE_PATH,
    DELIVERY_QUEUE_URL: fakes.queues.delivery,
    DELIVERY_TABLE: fakes.dynamo.table,
  };
  return fn === 'webhook'
    ? { ...common, DELIVERY_MODE: 'queue' }
    : { ...common, DELIVERY_DLQ_URL: fakes.queues.dlq };
}

/** Gitee delivers a real push to the packaged webhook, which queues it. */
async function pushThroughWebhook(fakes: Fakes): Promise<void> {
  const event = signedGiteeEvent({
    body: loadFixture('push-commits'),
    secret: GITEE_SECRET,
    timestamp: Date.now(),
  });
  const { answer } = await invokeBundle<{ statusCode: number; body: string }>(
    webhookDir,
    'webhook',
    lambdaEnv(fakes, 'webhook'),
    event,
  );
  expect(answer.statusCode).toBe(202);
  expect(JSON.parse(answer.body)).toMatchObject({
    status: 'queued',
    deliveries: [{ robot: 'team', queued: true }],
  });
  expect(fakes.sqs.model.peek(fakes.queues.delivery)).toHaveLength(1);
}

/** One poll of the event source mapping, the deliver bundle invoked with what it received. */
async function pollOnce(fakes: Fakes, env = lambdaEnv(fakes, 'deliver')) {
  const answers: SQSBatchResponse[] = [];
  const logs: string[] = [];
  const source = createEventSource({
    model: fakes.sqs.model,
    queue: fakes.queues.delivery,
    pollers: 1,
    handler: async (event: SQSEvent) => {
      const invocation = await invokeBundle<SQSBatchResponse>(deliverDir, 'deliver', env, event);
      answers.push(invocation.answer);
      logs.push(invocation.logs);
      return invocation.answer;
    },
  });
  const reports: InvocationReport[] = await source.step();
  return { reports, answers, logs: logs.join('\n') };
}

/** The robot group's key as the contract defines it: r- + 16 hex of sha256(access_token). */
const groupId = `r-${createHash('sha256').update(ROBOT.accessToken).digest('hex').slice(0, 16)}`;

async function paceItem(fakes: Fakes) {
  const client = new DynamoDBClient({
    endpoint: fakes.dynamo.endpoint,
    region: DYNALITE_REGION,
    credentials: DYNALITE_CREDENTIALS,
  });
  try {
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: fakes.dynamo.table,
        Key: { pk: { S: groupId }, sk: { S: 'pace' } },
        ConsistentRead: true,
      }),
    );
    return Item;
  } finally {
    client.destroy();
  }
}

describe('the packaged deliver function', () => {
  it('sends a queued push to its robot, takes its pacing slot and reports no failure', async () => {
    const fakes = await startFakes(['Gitee'], ['Gitee']);
    try {
      await pushThroughWebhook(fakes);
      const ssmCallsBefore = fakes.ssm.calls.length;
      const { reports, answers } = await pollOnce(fakes);
      expect(answers).toEqual([{ batchItemFailures: [] }]);
      expect(reports.map((r) => r.deleted.length)).toEqual([1]);
      expect(fakes.robot.emulator.received.map((r) => r.errcode)).toEqual([0]);
      expect(fakes.sqs.model.peek(fakes.queues.delivery)).toEqual([]);
      expect(fakes.sqs.model.peek(fakes.queues.dlq)).toEqual([]);
      const pace = await paceItem(fakes);
      expect(pace?.sent?.L).toHaveLength(1);
      // One settings load at the cold start.
      const ssmCalls = fakes.ssm.calls.slice(ssmCallsBefore).map((call) => call.op);
      expect(ssmCalls).toEqual(['GetParametersByPath']);
    } finally {
      await fakes.close();
    }
  });

  it('dead-letters an event its robot refuses for the keyword, with the reason, and lets Lambda delete it', async () => {
    // The group demands "Release"; the settings still name only "Gitee".
    const fakes = await startFakes(['Release'], ['Gitee']);
    try {
      await pushThroughWebhook(fakes);
      const original = fakes.sqs.model.peek(fakes.queues.delivery)[0]!;
      const { answers } = await pollOnce(fakes);
      expect(answers).toEqual([{ batchItemFailures: [] }]);
      expect(fakes.sqs.model.peek(fakes.queues.delivery)).toEqual([]);
      const dead = fakes.sqs.model.peek(fakes.queues.dlq);
      expect(dead).toHaveLength(1);
      expect(dead[0]!.body).toBe(original.body);
      expect(dead[0]!.groupId).toBe(original.groupId);
      expect(dead[0]!.deduplicationId).toBe(original.messageId);
      expect(dead[0]!.attributes.reason).toEqual({ DataType: 'String', StringValue: 'keyword' });
      expect(dead[0]!.attributes.robot).toEqual({ DataType: 'String', StringValue: 'team' });
      // The message on the queue holds no secret of the robot.
      expect(original.body).not.toContain(ROBOT.accessToken);
      expect(original.body).not.toContain(ROBOT.secret);
    } finally {
      await fakes.close();
    }
  });

  it('keeps every record in the queue and names the variable when DELIVERY_DLQ_URL is missing', async () => {
    const fakes = await startFakes(['Gitee'], ['Gitee']);
    try {
      await pushThroughWebhook(fakes);
      const env = lambdaEnv(fakes, 'deliver');
      delete env.DELIVERY_DLQ_URL;
      const { answers, logs } = await pollOnce(fakes, env);
      const [message] = fakes.sqs.model.peek(fakes.queues.delivery);
      expect(answers).toEqual([{ batchItemFailures: [{ itemIdentifier: message!.messageId }] }]);
      expect(logs).toContain('DELIVERY_DLQ_URL');
      expect(fakes.robot.emulator.received).toEqual([]);
    } finally {
      await fakes.close();
    }
  });
});

describe('the packaged zips', () => {
  const LIMIT = 150 * 1000;

  it.each(['webhook', 'deliver'] as const)('%s.zip is at most 150 KB', (name) => {
    expect(statSync(join(stack.dir, `${name}.zip`)).size).toBeLessThanOrEqual(LIMIT);
  });

  it('deliver bundles no AWS SDK client: its SQS and DynamoDB calls are signed JSON requests', () => {
    const bundle = readFileSync(join(deliverDir, 'functions', 'deliver.js'), 'utf8');
    expect(bundle).not.toMatch(/@aws-sdk|SQSClient|DynamoDBClient|amz-sdk-invocation-id/);
  });
});
