import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Deliverer } from './send/types';
import { parseGiteeDelivery } from './gitee/parse';
import { normalizeRequest } from './http/normalize-request';
import type { JsonResponse } from './http/json-response';
import type { Logger } from './logger';
import { filterDelivery } from './routing/filter-delivery';
import type { DuplicateSuppressor } from './routing/duplicate-suppressor';
import { rememberDelivery, type ReplayStore } from './routing/replay-store';
import { routeDelivery } from './routing/route-delivery';
import type { Platforms } from './platforms';
import type { SettingsSource } from './settings/source';
import { deliveredAnswer, errorAnswer, skippedAnswer } from './webhook/answers';
import { authenticate } from './webhook/authenticate';
import { renderJobs } from './webhook/render-jobs';
import { deliverWithRefresh } from './send/refresh';
import { logRequest, templatesOf, type RequestLog } from './webhook/log-request';
import type { QueueDelivery } from './webhook/queue-deps';
import { deliverQueued } from './webhook/queue-stage';

export interface WebhookLimits {
  maxBodyBytes: number;
  timestampWindowMs: number;
  /** Time from receipt to the last robot answer; Gitee gives up after about 5 s. */
  deliveryBudgetMs: number;
}

export interface WebhookDeps {
  settings: SettingsSource;
  /** The chat platforms by name (PLATFORMS); each robot's message is drawn by its own. */
  platforms: Platforms;
  deliverer: Deliverer;
  /** Content duplicates (the PR-creation burst). */
  duplicates: DuplicateSuppressor;
  /** One delivery per Gitee credential (createRelay: this container's memory by default). */
  replays: ReplayStore;
  /** Queue mode: messages go to the delivery queue instead of to the robots (issue 11). */
  queued?: QueueDelivery;
  now: () => number;
  logger: Logger;
  limits: WebhookLimits;
}

/**
 * The request pipeline: normalize → verify → parse → filter → route → render → deliver →
 * answer, where queue mode's deliver is "describe → enqueue" (the deliver function renders).
 * This is the one place errors turn into HTTP answers.
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
  const auth = await authenticate({
    headers: request.headers,
    settings: await deps.settings.get(),
    source: deps.settings,
    now: deps.now(),
    windowMs: deps.limits.timestampWindowMs,
  });
  log.auth = auth.mode;
  const { settings } = auth;
  // Before parsing: the credential of a delivery we cannot read is used up all the same.
  const repeated = await rememberDelivery(deps.replays, auth, request.body);
  const delivery = parseGiteeDelivery(request);
  log.delivery = delivery;
  const skip =
    repeated ??
    (await deps.duplicates.check(delivery)) ??
    (delivery.kind === 'ping' ? null : filterDelivery(delivery, settings.filters));
  if (skip) return skippedAnswer(delivery, auth.mode, skip);
  const route = routeDelivery(delivery, settings);
  if (route.kind === 'skip') return skippedAnswer(delivery, auth.mode, route.reason);
  const deadline = log.started + deps.limits.deliveryBudgetMs;
  if (deps.queued) {
    const { targets } = route;
    const giteeTimestamp = request.headers['x-gitee-timestamp'];
    const input = { delivery, auth: auth.mode, settings, targets, giteeTimestamp, deadline };
    const stage = { ...deps, ...deps.queued, source: deps.settings };
    return deliverQueued({ ...input, receivedAt: log.started }, stage, log);
  }
  const jobs = await renderJobs(delivery, settings, route.targets, deps.platforms);
  log.templates = templatesOf(jobs);
  const results = await deliverWithRefresh(jobs, {
    deliverer: deps.deliverer,
    settings: deps.settings,
    deadline,
  });
  log.results = results;
  return deliveredAnswer(delivery, auth.mode, results);
}
