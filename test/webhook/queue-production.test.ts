import type { SQSEvent } from 'aws-lambda';
import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { startFakeSsm } from '../../dev/fake-ssm';
import { createDeliveryQueues } from '../../dev/queue/delivery-queues';
import { createEventSource } from '../../dev/queue/event-source';
import { startFakeSqs, type FakeSqs } from '../../dev/queue/fake-sqs-server';
import {
  createProductionDeliver,
  createProductionHealthHandler,
  createProductionRelay,
} from '../../lib/production';
import { createDynamoClient } from '../../lib/aws/dynamodb';
import { robotGroupId } from '../../lib/delivery/group-id';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { createSsmSettingsSource } from '../../lib/settings/create-ssm-source';
import { createSsmPageReader } from '../../lib/settings/ssm-json-client';
import { createDynamoPacingStore } from '../../lib/store/dynamo-pacing';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { DYNALITE_CREDENTIALS, startDynalite, type Dynalite } from '../helpers/dynalite';
import { loadFixture } from '../helpers/fixtures';

/**
 * The production wiring (lib/production.ts) from the environment, as Lambda runs it: SSM,
 * SQS and DynamoDB reached through AWS_ENDPOINT_URL_* at loopback fakes (fake SSM, the fake
 * SQS speaking the JSON protocol, dynalite), the robot at the DingTalk emulator.
 */
const STAGE = '/gitee-dingtalk/prodtest';
const GITEE_SECRET = 'gitee-prodtest-secret-1';

let ssm: Awaited<ReturnType<typeof startFakeSsm>>;
let robot: Awaited<ReturnType<typeof startRobotEmulator>>;
let sqs: FakeSqs;
let db: Dynalite;
let urls: { delivery: string; dlq: string };
const saved = { ...process.env };
let lines: string[];

beforeAll(async () => {
  [ssm, robot, sqs, db] = await Promise.all([
    startFakeSsm(),
    startRobotEmulator({
      robots: [{ name: 'team', accessToken: 'token-team', keywords: ['Gitee'] }],
    }),
    startFakeSqs(),
    startDynalite('gitee-dingtalk-prodtest-delivery'),
  ]);
  urls = createDeliveryQueues(sqs.model, { stage: 'prodtest', endpoint: sqs.endpoint });
  ssm.set(`${STAGE}/gitee/secret`, GITEE_SECRET, 'SecureString');
  ssm.set(`${STAGE}/robots/team/webhook`, robot.url('team'), 'SecureString');
  ssm.set(`${STAGE}/config`, 'robots:\n  team:\n    keywords: [Gitee]\n', 'String');
});

afterAll(async () => {
  await Promise.all([ssm.close(), robot.close(), sqs.close(), db.close()]);
});

/** Back to the environment the run started with (in place: production.ts holds the object). */
function restoreEnv() {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}

beforeEach(() => {
  restoreEnv();
  Object.assign(process.env, {
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDPRODTEST',
    AWS_SECRET_ACCESS_KEY: 'keytest-prodtest',
    AWS_ENDPOINT_URL_SSM: ssm.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    SETTINGS_SSM_PATH: STAGE,
    AWS_LAMBDA_FUNCTION_NAME: 'gitee-dingtalk-prodtest-webhook',
  });
  for (const name of [
    'DELIVERY_MODE',
    'DELIVERY_QUEUE_URL',
    'DELIVERY_DLQ_URL',
    'DELIVERY_TABLE',
  ]) {
    delete process.env[name];
  }
  lines = [];
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
});

afterEach(() => {
  jest.restoreAllMocks();
  restoreEnv();
});

function queueEnv() {
  Object.assign(process.env, {
    DELIVERY_MODE: 'queue',
    DELIVERY_QUEUE_URL: urls.delivery,
    DELIVERY_DLQ_URL: urls.dlq,
    DELIVERY_TABLE: db.table,
  });
}

const push = () => signedGiteeEvent({ body: loadFixture('push-commits'), secret: GITEE_SECRET });
const parsed = (answer: { statusCode: number; body: string }) => ({
  status: answer.statusCode,
  body: JSON.parse(answer.body) as Record<string, unknown>,
});
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('production wiring in queue mode', () => {
  it('queues a push at the webhook and the deliver function sends it to the robot', async () => {
    queueEnv();
    const webhook = createProductionRelay().webhook;
    const answer = parsed(await webhook(push()));
    expect(answer).toMatchObject({ status: 202, body: { status: 'queued' } });
    expect(sqs.calls.map((call) => call.action)).toContain('SendMessageBatch');
    const before = robot.emulator.received.length;
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'gitee-dingtalk-prodtest-deliver';
    const deliver = createProductionDeliver();
    const source = createEventSource({ model: sqs.model, queue: urls.delivery, handler: deliver });
    const [report] = await source.step();
    expect(report).toMatchObject({ failed: [] });
    expect(robot.emulator.received.length).toBe(before + 1);
    const sent = logged().find((line) => line.FunctionName === 'gitee-dingtalk-prodtest-deliver');
    expect(sent).toMatchObject({ Sent: 1 });
  });

  it('sends the Test ping now after taking a slot in the pacing item on the table', async () => {
    queueEnv();
    const webhook = createProductionRelay().webhook;
    const ping = signedGiteeEvent({ body: loadFixture('ping-push_hooks'), secret: GITEE_SECRET });
    const answer = parsed(await webhook(ping));
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'pong', deliveries: [{ robot: 'team', platform: 'dingtalk', ok: true }] },
    });
    const dynamo = createDynamoClient({
      region: 'ap-east-1',
      credentials: DYNALITE_CREDENTIALS,
      endpoint: db.endpoint,
      now: Date.now,
      post: createKeepAliveHttpPost(),
    });
    const settings = await createSsmSettingsSource({
      readPage: createSsmPageReader({
        endpoint: ssm.endpoint,
        region: 'ap-east-1',
        credentials: DYNALITE_CREDENTIALS,
        now: Date.now,
      }),
      path: STAGE,
      now: Date.now,
      ttlMs: 1000,
    }).get();
    const store = createDynamoPacingStore({ dynamo, table: db.table, now: Date.now });
    const pace = await store.readPace(robotGroupId(settings.robots[0]!));
    expect(pace.robot).toBe('team');
    expect(pace.sent.length).toBeGreaterThanOrEqual(1);
  });

  it('reports deliveryMode on /health', async () => {
    queueEnv();
    const body = parsed(await createProductionHealthHandler()()).body;
    expect(body).toMatchObject({ ok: true, deliveryMode: 'queue' });
    delete process.env.DELIVERY_MODE;
    expect(parsed(await createProductionHealthHandler()()).body).toMatchObject({
      deliveryMode: 'direct',
    });
  });

  it('answers 503 and writes an EnqueueFailed metric while SQS is down', async () => {
    queueEnv();
    process.env.DELIVERY_BUDGET_MS = '800';
    const webhook = createProductionRelay().webhook;
    sqs.setDown(true);
    try {
      const answer = parsed(await webhook(push()));
      expect(answer).toEqual({
        status: 503,
        body: { error: 'queue unavailable', deliveries: [{ robot: 'team', queued: false }] },
      });
    } finally {
      sqs.setDown(false);
    }
    const metric = logged().find((line) => 'EnqueueFailed' in line);
    expect(metric).toMatchObject({
      EnqueueFailed: 1,
      FunctionName: 'gitee-dingtalk-prodtest-webhook',
      _aws: { CloudWatchMetrics: [{ Namespace: 'GiteeDingtalk' }] },
    });
  });
});

describe('the delivery mode rules', () => {
  it.each([
    ['DELIVERY_MODE is neither queue nor direct', { DELIVERY_MODE: 'fifo' }, /DELIVERY_MODE/],
    ['queue mode has no DELIVERY_QUEUE_URL', { DELIVERY_MODE: 'queue' }, /DELIVERY_QUEUE_URL/],
  ])(
    'answers every request 500 settings unavailable when %s, and the log names it',
    async (_, vars, variable) => {
      Object.assign(process.env, vars);
      const relay = createProductionRelay();
      for (const answer of [await relay.webhook(push()), await createProductionHealthHandler()()]) {
        expect(parsed(answer)).toEqual({ status: 500, body: { error: 'settings unavailable' } });
      }
      const errors = logged().filter((line) => line.level === 'error');
      expect(errors).toHaveLength(2);
      for (const line of errors) expect(String(line.problem)).toMatch(variable);
    },
  );

  it('runs direct when DELIVERY_MODE is unset: the webhook sends and answers 200 delivered', async () => {
    const before = robot.emulator.received.length;
    const answer = parsed(await createProductionRelay().webhook(push()));
    expect(answer).toMatchObject({ status: 200, body: { status: 'delivered' } });
    expect(robot.emulator.received.length).toBe(before + 1);
  });

  it('keeps every record in the queue when the deliver function lacks a variable, naming it', async () => {
    queueEnv();
    delete process.env.DELIVERY_DLQ_URL;
    const deliver = createProductionDeliver();
    const event = {
      Records: [{ messageId: 'm-1' }, { messageId: 'm-2' }],
    } as unknown as SQSEvent;
    expect(await deliver(event)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-2' }],
    });
    expect(logged().find((line) => line.level === 'error')?.problem).toMatch(/DELIVERY_DLQ_URL/);
  });
});
