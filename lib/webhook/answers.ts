import type { DeliveryResult } from '../dingtalk/delivery';
import { HttpError } from '../errors';
import type { ParsedDelivery } from '../gitee/event';
import { jsonResponse, type JsonResponse } from '../http/json-response';

/** What the answer says about the event, for the person reading Gitee's delivery log. */
export function describeDelivery(delivery: ParsedDelivery): Record<string, unknown> {
  return delivery.kind === 'ping'
    ? { event: 'ping', repository: delivery.repository.path }
    : { event: delivery.kind, action: delivery.action, repository: delivery.repository.path };
}

export function deliveredAnswer(delivery: ParsedDelivery, results: DeliveryResult[]): JsonResponse {
  const deliveries = results.map(publicResult);
  if (delivery.kind === 'ping') {
    return jsonResponse(200, { status: 'pong', ...describeDelivery(delivery), deliveries });
  }
  const failed = results.some((result) => !result.ok);
  return jsonResponse(failed ? 502 : 200, {
    status: failed ? 'failed' : 'delivered',
    ...describeDelivery(delivery),
    deliveries,
  });
}

export function skippedAnswer(delivery: ParsedDelivery, reason: string): JsonResponse {
  if (delivery.kind === 'ping') {
    // The Test button's answer is always pong once verified; the note says why nothing was sent.
    return jsonResponse(200, {
      status: 'pong',
      ...describeDelivery(delivery),
      deliveries: [],
      note: reason,
    });
  }
  return jsonResponse(202, { status: 'skipped', reason, ...describeDelivery(delivery) });
}

/** The only place errors become HTTP answers: 4xx say why, 5xx say only what failed. */
export function errorAnswer(error: unknown): JsonResponse {
  if (error instanceof HttpError && error.expose) {
    return jsonResponse(error.status, { error: error.message });
  }
  if (error instanceof HttpError && error.name === 'SettingsError') {
    return jsonResponse(500, { error: 'settings unavailable' });
  }
  return jsonResponse(500, { error: 'internal error' });
}

function publicResult(result: DeliveryResult): Record<string, unknown> {
  return result.ok
    ? { robot: result.robot, ok: true }
    : {
        robot: result.robot,
        ok: false,
        ...(result.errcode === undefined ? {} : { errcode: result.errcode }),
        error: result.error,
      };
}
