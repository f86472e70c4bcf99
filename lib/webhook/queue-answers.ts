import type { ParsedDelivery } from '../gitee/event';
import type { GiteeAuthMode } from '../gitee/verify';
import { jsonResponse, type JsonResponse } from '../http/json-response';
import type { PlatformName } from '../platforms/chat-platform';
import type { DeliveryResult } from '../send/types';
import { describeDelivery, publicResult } from './answers';
import { cutName } from './cut-name';

/** One robot's message in queue mode: taken by the delivery queue or not (SQS's code). */
export interface QueuedResult {
  robot: string;
  platform: PlatformName;
  queued: boolean;
  /** SQS's code (or `timeout`, `deadline`), for the log only: never in the answer. */
  error?: string;
}

/** 202 (contract): every robot's message is in the delivery queue. */
export function queuedAnswer(
  delivery: ParsedDelivery,
  auth: GiteeAuthMode,
  results: readonly QueuedResult[],
): JsonResponse {
  return jsonResponse(202, {
    status: 'queued',
    ...describeDelivery(delivery, auth),
    deliveries: results.map(({ robot, platform }) => ({
      robot: cutName(robot),
      platform,
      queued: true,
    })),
  });
}

/**
 * 503 (contract): the queue did not take every message within the budget. The only point
 * where an event can still be lost (Gitee never retries), so the answer says which robots'
 * messages are queued and which are not, in those words and no others.
 */
export function queueUnavailableAnswer(results: readonly QueuedResult[]): JsonResponse {
  return jsonResponse(503, {
    error: 'queue unavailable',
    deliveries: results.map(({ robot, queued }) => ({ robot: cutName(robot), queued })),
  });
}

/** A robot's part of the pong: sent now (as in direct mode), or left to the queue. */
export type PongEntry = { sent: DeliveryResult } | { queued: QueuedResult };

/**
 * The Test button's pong in queue mode: the robots that had a free slot were sent the
 * message now and show their real result, as in direct mode; the others say `queued` (or
 * that the queue did not take it).
 */
export function queuedPongAnswer(
  delivery: ParsedDelivery,
  auth: GiteeAuthMode,
  entries: readonly PongEntry[],
): JsonResponse {
  const deliveries = entries.map((entry) => {
    if ('sent' in entry) return publicResult(entry.sent);
    const { robot, platform, queued } = entry.queued;
    return queued
      ? { robot: cutName(robot), platform, queued: true }
      : { robot: cutName(robot), platform, queued: false, error: 'queue unavailable' };
  });
  return jsonResponse(200, { status: 'pong', ...describeDelivery(delivery, auth), deliveries });
}
