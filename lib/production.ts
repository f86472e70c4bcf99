import type { SQSEvent } from 'aws-lambda';
import type { AwsCredentials } from './aws/credentials';
import { createDynamoClient } from './aws/dynamodb';
import { createSqsClient } from './aws/sqs';
import { createSqsConsumerQueues, createSqsQueueSender } from './aws/sqs-ports';
import { createDeliverHandler, type DeliverHandler } from './delivery/deliver-handler';
import { createHealthHandler } from './health-handler';
import { SettingsError } from './errors';
import { createKeepAliveHttpPost } from './http/keep-alive-post';
import { createJsonLogger } from './logger';
import { createEmfWriter } from './metrics/emf';
import { PLATFORMS } from './platforms';
import { createRelay, DEFAULT_LIMITS, type DeliveryOption, type Relay } from './relay';
import { createMemoryReplayStore } from './routing/replay-memory';
import { createKeepAlivePost } from './send/direct';
import type { RateLimitsFor } from './send/throttle';
import { createSsmSettingsSource } from './settings/create-ssm-source';
import type { ReadParametersPage } from './settings/load-parameters-from';
import { createSsmPageReader } from './settings/ssm-json-client';
import { createDynamoClaimStore } from './store/dynamo-claims';
import { createDynamoPacingStore } from './store/dynamo-pacing';
import { readDeliveryEnv } from './webhook/delivery-env';
import { createUnavailableHandler } from './webhook/unavailable';

/**
 * Production wiring: the only module that reads process.env. The settings load starts here,
 * during the Lambda init phase, so it overlaps module evaluation instead of the first request.
 */
const env = process.env;
const now = () => Date.now();
const logger = createJsonLogger();
/** One set of kept-alive connections for everything this container POSTs (SSM, the robots). */
const httpPost = createKeepAliveHttpPost();

function numberSetting(name: string, fallback: number): number {
  const value = Number(env[name]);
  return env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * DINGTALK_RATE_LIMIT_PER_MINUTE: unset, every robot is paced by its platform's limits; a
 * positive number replaces DingTalk's 20 a minute; 0 turns local pacing off for every robot
 * (the benchmark's thousands of events a minute measure the pipeline, not the platforms).
 */
function rateLimitsFromEnv(): RateLimitsFor | undefined {
  const value = Number(env.DINGTALK_RATE_LIMIT_PER_MINUTE);
  if (env.DINGTALK_RATE_LIMIT_PER_MINUTE === undefined || !Number.isInteger(value) || value < 0) {
    return undefined;
  }
  if (value === 0) return () => null;
  return (platform) =>
    platform.name === 'dingtalk' ? { ...platform.limits, perMinute: value } : platform.limits;
}

/** Lambda sets these for the function's role; the SDK's credential chain is not loaded. */
function credentialsFromEnv(): AwsCredentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) {
    throw new SettingsError(
      'no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)',
    );
  }
  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  return { accessKeyId, secretAccessKey, sessionToken };
}

/**
 * SSM pages through one signed POST each (the SDK client is half of a cold start). A reader
 * that cannot be built fails every load instead of the init: the function still answers, 500
 * "settings unavailable", and says why in its log.
 */
function createSettingsReader(): ReadParametersPage {
  try {
    return createSsmPageReader({
      region: env.AWS_REGION ?? '',
      credentials: credentialsFromEnv(),
      // As the SDK: the SSM-specific variable first, then the one for every service.
      endpoint: env.AWS_ENDPOINT_URL_SSM || env.AWS_ENDPOINT_URL || undefined,
      now,
      post: httpPost,
    });
  } catch (error) {
    return () => Promise.reject(error);
  }
}

function createSettingsSource() {
  const source = createSsmSettingsSource({
    readPage: createSettingsReader(),
    path: env.SETTINGS_SSM_PATH ?? '/gitee-dingtalk/dev',
    now,
    ttlMs: numberSetting('SETTINGS_TTL_SECONDS', 300) * 1000,
    onStale: (error, ageMs) =>
      logger.warn('settings re-read failed; serving the settings read earlier', {
        problem: error.message,
        ageSeconds: Math.round(ageMs / 1000),
      }),
    // A template that does not parse is set aside at load (its robots get built-in messages,
    // health says templatesValid: false); the log says which and where.
    onTemplateProblems: (problems) =>
      logger.warn('settings: templates set aside; their robots get built-in messages', {
        problems: problems.map(
          (problem) =>
            `${problem.path}: ${problem.message} (line ${problem.line}, col ${problem.column})`,
        ),
      }),
  });
  source.prime();
  return source;
}

/** What every function says of itself in EMF metrics: the Lambda function's name. */
function metricsFor(fallbackName: string) {
  return createEmfWriter({ functionName: env.AWS_LAMBDA_FUNCTION_NAME || fallbackName, now });
}

/** The DynamoDB client of the delivery table (AWS_ENDPOINT_URL_DYNAMODB, else the region's). */
function createTableClient(credentials: AwsCredentials, attemptTimeoutMs?: number) {
  return createDynamoClient({
    region: env.AWS_REGION ?? '',
    credentials,
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL || undefined,
    now,
    post: httpPost,
    attemptTimeoutMs,
  });
}

/** The SQS client (AWS_ENDPOINT_URL_SQS, else AWS_ENDPOINT_URL, else the queue URL's host). */
function createQueueClient(credentials: AwsCredentials, queueUrl: string) {
  return createSqsClient({
    region: env.AWS_REGION ?? '',
    credentials,
    endpoint: env.AWS_ENDPOINT_URL_SQS || env.AWS_ENDPOINT_URL || undefined,
    queueUrl,
    now,
    post: httpPost,
  });
}

/**
 * Only the health handler, so the health function's bundle leaves out the webhook pipeline,
 * the renderers and the sender (createRelay wires both handlers together).
 */
export function createProductionHealthHandler() {
  const delivery = readDeliveryEnv(env);
  if (!delivery.ok) return createUnavailableHandler(logger, delivery.problem);
  return createHealthHandler({
    settings: createSettingsSource(),
    logger,
    version: env.SERVICE_VERSION ?? 'dev',
    deliveryMode: delivery.mode,
  });
}

/**
 * The webhook's delivery from the environment: direct, or the delivery queue and table.
 * Throws SettingsError (or the AWS clients' own) when queue mode cannot be built.
 */
function deliveryFromEnv(): DeliveryOption {
  const delivery = readDeliveryEnv(env);
  if (!delivery.ok) throw new SettingsError(delivery.problem);
  if (delivery.mode === 'direct') return { mode: 'direct' };
  const credentials = credentialsFromEnv();
  const queue = createSqsQueueSender(
    createQueueClient(credentials, delivery.queueUrl),
    delivery.queueUrl,
  );
  const table = delivery.table;
  if (table === null) {
    logger.warn('DELIVERY_TABLE is not set: replay and burst checks stay in this container', {});
    const replays = createMemoryReplayStore({ now });
    return { mode: 'queue', queue, store: null, replays, bursts: createMemoryReplayStore({ now }) };
  }
  // Short attempts: the webhook waits at most 1 s for the table before using its memory.
  const dynamo = createTableClient(credentials, 800);
  const claims = (prefix: 'replay#' | 'burst#') =>
    createDynamoClaimStore({ dynamo, table, prefix, now });
  return {
    mode: 'queue',
    queue,
    store: createDynamoPacingStore({ dynamo, table, now }),
    replays: claims('replay#'),
    bursts: claims('burst#'),
  };
}

/**
 * The relay from the environment. Each Lambda function builds it once at init and exports
 * the handler it serves (functions/*.ts). Settings it cannot run on (DELIVERY_MODE, queue
 * mode's variables, credentials) make every request answer 500 "settings unavailable" and
 * log what to fix, rather than fail the init (which Gitee would see as a bare 502).
 */
export function createProductionRelay(): Relay {
  let delivery: DeliveryOption;
  try {
    delivery = deliveryFromEnv();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const unavailable = createUnavailableHandler(logger, problem);
    return { webhook: unavailable, health: unavailable };
  }
  return createRelay({
    settings: createSettingsSource(),
    httpPost,
    now,
    logger,
    version: env.SERVICE_VERSION ?? 'dev',
    rateLimits: rateLimitsFromEnv(),
    delivery,
    metrics: metricsFor('gitee-dingtalk-webhook'),
    limits: {
      maxBodyBytes: numberSetting('MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes),
      timestampWindowMs:
        numberSetting('TIMESTAMP_WINDOW_SECONDS', DEFAULT_LIMITS.timestampWindowMs / 1000) * 1000,
      deliveryBudgetMs: numberSetting('DELIVERY_BUDGET_MS', DEFAULT_LIMITS.deliveryBudgetMs),
    },
  });
}

/** The deliver function's queues and table from the environment (issue 11: never eventSourceARN). */
function consumerPortsFromEnv() {
  const missing = ['DELIVERY_QUEUE_URL', 'DELIVERY_DLQ_URL', 'DELIVERY_TABLE'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0) throw new SettingsError(`${missing.join(', ')} not set`);
  const urls = { delivery: env.DELIVERY_QUEUE_URL!, dlq: env.DELIVERY_DLQ_URL! };
  const credentials = credentialsFromEnv();
  const sqs = createQueueClient(credentials, urls.delivery);
  const dynamo = createTableClient(credentials);
  return {
    queues: createSqsConsumerQueues(sqs, urls),
    store: createDynamoPacingStore({ dynamo, table: env.DELIVERY_TABLE!, now }),
  };
}

/**
 * The deliver function (issue 11) on the delivery queue and table. Without its variables it
 * keeps every record in the queue (reported failed, nothing lost) and logs what to fix on each
 * batch, instead of failing the init.
 */
export function createProductionDeliver(): DeliverHandler {
  let ports: ReturnType<typeof consumerPortsFromEnv>;
  try {
    ports = consumerPortsFromEnv();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return (event: SQSEvent) => {
      logger.error('deliver: settings unavailable, every record stays in the queue', { problem });
      const batchItemFailures = (event.Records ?? []).map((record) => ({
        itemIdentifier: record.messageId,
      }));
      return Promise.resolve({ batchItemFailures });
    };
  }
  return createDeliverHandler({
    settings: createSettingsSource(),
    platforms: PLATFORMS,
    ...ports,
    post: createKeepAlivePost(httpPost),
    now,
    logger,
    metrics: metricsFor('gitee-dingtalk-deliver'),
  });
}
