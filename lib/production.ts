import { createDirectDeliverer, createKeepAlivePost } from './send/direct';
import { withRobotThrottle } from './send/throttle';
import { SettingsError } from './errors';
import { createHealthHandler } from './health-handler';
import { createKeepAliveHttpPost } from './http/keep-alive-post';
import { createJsonLogger } from './logger';
import { createDuplicateSuppressor } from './routing/duplicate-suppressor';
import { createMemoryReplayStore } from './routing/replay-memory';
import { createSsmSettingsSource } from './settings/create-ssm-source';
import type { ReadParametersPage } from './settings/load-parameters-from';
import type { AwsCredentials } from './settings/sign-ssm-request';
import { createSsmPageReader } from './settings/ssm-json-client';
import { createWebhookHandler } from './webhook-handler';

/**
 * Production wiring: the only module that reads process.env. The settings load starts here,
 * during the Lambda init phase, so it overlaps module evaluation instead of the first request.
 */
const env = process.env;
const now = () => Date.now();
const logger = createJsonLogger();
/** One set of kept-alive connections for everything this container POSTs (SSM, DingTalk). */
const httpPost = createKeepAliveHttpPost();

function numberSetting(name: string, fallback: number): number {
  const value = Number(env[name]);
  return env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** DINGTALK_RATE_LIMIT_PER_MINUTE: DingTalk's 20 unless set; 0 turns the local limit off. */
function rateLimitPerMinute(): number | undefined {
  const value = Number(env.DINGTALK_RATE_LIMIT_PER_MINUTE);
  if (env.DINGTALK_RATE_LIMIT_PER_MINUTE === undefined || !Number.isInteger(value) || value < 0) {
    return undefined;
  }
  return value === 0 ? Number.POSITIVE_INFINITY : value;
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
  });
  source.prime();
  return source;
}

export function createProductionWebhookHandler() {
  return createWebhookHandler({
    settings: createSettingsSource(),
    deliverer: withRobotThrottle(
      createDirectDeliverer({ post: createKeepAlivePost(httpPost), now }),
      { now, perMinute: rateLimitPerMinute() },
    ),
    duplicates: createDuplicateSuppressor({ now }),
    // Per container until the queue's DynamoDB table holds the records across containers.
    replays: createMemoryReplayStore({ now }),
    now,
    logger,
    limits: {
      maxBodyBytes: numberSetting('MAX_BODY_BYTES', 1024 * 1024),
      timestampWindowMs: numberSetting('TIMESTAMP_WINDOW_SECONDS', 3600) * 1000,
      deliveryBudgetMs: numberSetting('DELIVERY_BUDGET_MS', 4000),
    },
  });
}

export function createProductionHealthHandler() {
  return createHealthHandler({
    settings: createSettingsSource(),
    logger,
    version: env.SERVICE_VERSION ?? 'dev',
  });
}
