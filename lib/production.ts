import { SSMClient } from '@aws-sdk/client-ssm';
import { createDirectDeliverer, createKeepAlivePost } from './dingtalk/create-deliverer';
import { createHealthHandler } from './health-handler';
import { createJsonLogger } from './logger';
import { createDuplicateSuppressor } from './routing/duplicate-suppressor';
import { createSsmSettingsSource } from './settings/create-ssm-source';
import { createWebhookHandler } from './webhook-handler';

/**
 * Production wiring: the only module that reads process.env. The settings load starts here,
 * during the Lambda init phase, so it overlaps module evaluation instead of the first request.
 */
const env = process.env;
const now = () => Date.now();
const logger = createJsonLogger();

function numberSetting(name: string, fallback: number): number {
  const value = Number(env[name]);
  return env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function createSettingsSource() {
  const source = createSsmSettingsSource({
    client: new SSMClient({}),
    path: env.SETTINGS_SSM_PATH ?? '/gitee-dingtalk/dev',
    now,
    ttlMs: numberSetting('SETTINGS_TTL_SECONDS', 300) * 1000,
  });
  source.prime();
  return source;
}

export function createProductionWebhookHandler() {
  return createWebhookHandler({
    settings: createSettingsSource(),
    deliverer: createDirectDeliverer({ post: createKeepAlivePost(), now }),
    duplicates: createDuplicateSuppressor({ now }),
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
