import { createHealthHandler } from './health-handler';
import { SettingsError } from './errors';
import { createKeepAliveHttpPost } from './http/keep-alive-post';
import { createJsonLogger } from './logger';
import { createRelay, DEFAULT_LIMITS, type Relay } from './relay';
import type { RateLimitsFor } from './send/throttle';
import { createSsmSettingsSource } from './settings/create-ssm-source';
import type { ReadParametersPage } from './settings/load-parameters-from';
import type { AwsCredentials } from './settings/sign-ssm-request';
import { createSsmPageReader } from './settings/ssm-json-client';

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
  });
  source.prime();
  return source;
}

/**
 * Only the health handler, so the health function's bundle leaves out the webhook pipeline,
 * the renderers and the sender (createRelay wires both handlers together).
 */
export function createProductionHealthHandler() {
  return createHealthHandler({
    settings: createSettingsSource(),
    logger,
    version: env.SERVICE_VERSION ?? 'dev',
  });
}

/**
 * The relay from the environment. Each Lambda function builds it once at init and exports
 * the handler it serves (functions/*.ts).
 */
export function createProductionRelay(): Relay {
  return createRelay({
    settings: createSettingsSource(),
    httpPost,
    now,
    logger,
    version: env.SERVICE_VERSION ?? 'dev',
    rateLimits: rateLimitsFromEnv(),
    limits: {
      maxBodyBytes: numberSetting('MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes),
      timestampWindowMs:
        numberSetting('TIMESTAMP_WINDOW_SECONDS', DEFAULT_LIMITS.timestampWindowMs / 1000) * 1000,
      deliveryBudgetMs: numberSetting('DELIVERY_BUDGET_MS', DEFAULT_LIMITS.deliveryBudgetMs),
    },
  });
}
