import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Deliverer, DeliveryJob } from './dingtalk/delivery';
import { formatMessage } from './format/format-message';
import type { ParsedDelivery } from './gitee/event';
import { parseGiteeDelivery } from './gitee/parse';
import { normalizeRequest } from './http/normalize-request';
import type { JsonResponse } from './http/json-response';
import type { Logger } from './logger';
import { filterDelivery } from './routing/filter-delivery';
import { routeDelivery } from './routing/route-delivery';
import type { SettingsSource } from './settings/source';
import type { Settings } from './settings/types';
import { deliveredAnswer, errorAnswer, skippedAnswer } from './webhook/answers';
import { authenticate } from './webhook/authenticate';
import { deliverWithRefresh } from './webhook/deliver-with-refresh';
import { logRequest, type RequestLog } from './webhook/log-request';

export interface WebhookLimits {
  maxBodyBytes: number;
  timestampWindowMs: number;
  /** Time from receipt to the last robot answer; Gitee gives up after about 5 s. */
  deliveryBudgetMs: number;
}

export interface WebhookDeps {
  settings: SettingsSource;
  deliverer: Deliverer;
  duplicates: { check(delivery: ParsedDelivery, signature: string): string | null };
  now: () => number;
  logger: Logger;
  limits: WebhookLimits;
}

/**
 * The request pipeline: normalize → verify → parse → filter → route → format → deliver →
 * answer. This is the one place errors turn into HTTP answers.
 */
export function createWebhookHandler(deps: WebhookDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<JsonResponse> => {
    const log: RequestLog = { started: deps.now() };
    let answer: JsonResponse;
    try {
      answer = await handle(event, deps, log);
    } catch (error) {
      log.error = error;
      answer = errorAnswer(error);
    }
    logRequest(deps.logger, log, answer, deps.now());
    return answer;
  };
}

async function handle(event: APIGatewayProxyEventV2, deps: WebhookDeps, log: RequestLog) {
  const request = normalizeRequest(event, deps.limits.maxBodyBytes);
  const settings = await authenticate({
    headers: request.headers,
    settings: await deps.settings.get(),
    source: deps.settings,
    now: deps.now(),
    windowMs: deps.limits.timestampWindowMs,
  });
  const delivery = parseGiteeDelivery(request);
  log.delivery = delivery;
  const skip =
    deps.duplicates.check(delivery, request.headers['x-gitee-token'] ?? '') ??
    (delivery.kind === 'ping' ? null : filterDelivery(delivery, settings.filters));
  if (skip) return skippedAnswer(delivery, skip);
  const route = routeDelivery(delivery, settings);
  if (route.kind === 'skip') return skippedAnswer(delivery, route.reason);
  const jobs = route.targets.map(({ robot, atAll }) => formatJob(delivery, settings, robot, atAll));
  const results = await deliverWithRefresh(jobs, {
    deliverer: deps.deliverer,
    settings: deps.settings,
    deadline: log.started + deps.limits.deliveryBudgetMs,
  });
  log.results = results;
  return deliveredAnswer(delivery, results);
}

function formatJob(
  delivery: ParsedDelivery,
  settings: Settings,
  robot: DeliveryJob['robot'],
  atAll: boolean,
): DeliveryJob {
  const message = formatMessage(delivery, {
    ...robot,
    keywords: robot.keywords,
    mentions: settings.mentions,
    atAll,
  });
  return { robot, message };
}
