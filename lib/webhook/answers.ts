import type { DeliveryResult } from '../send/types';
import { HttpError } from '../errors';
import type { ParsedDelivery } from '../gitee/event';
import type { GiteeAuthMode } from '../gitee/verify';
import { jsonResponse, type JsonResponse } from '../http/json-response';
import { cutName } from './cut-name';

/** What the answer says about the event, for the person reading Gitee's delivery log. */
export function describeDelivery(
  delivery: ParsedDelivery,
  auth: GiteeAuthMode,
): Record<string, unknown> {
  const repository = cutName(delivery.repository.path);
  return delivery.kind === 'ping'
    ? { event: 'ping', repository, auth }
    : { event: delivery.kind, action: cutName(delivery.action), repository, auth };
}

export function deliveredAnswer(
  delivery: ParsedDelivery,
  auth: GiteeAuthMode,
  results: DeliveryResult[],
): JsonResponse {
  const deliveries = results.map(publicResult);
  if (delivery.kind === 'ping') {
    return jsonResponse(200, { status: 'pong', ...describeDelivery(delivery, auth), deliveries });
  }
  const failed = results.some((result) => !result.ok);
  return jsonResponse(failed ? 502 : 200, {
    status: failed ? 'failed' : 'delivered',
    ...describeDelivery(delivery, auth),
    deliveries,
  });
}

export function skippedAnswer(
  delivery: ParsedDelivery,
  auth: GiteeAuthMode,
  reason: string,
): JsonResponse {
  // A reason names the repository, branch or sender it is about: bounded like any name.
  const said = cutName(reason);
  if (delivery.kind === 'ping') {
    // The Test button's answer is always pong once verified; the note says why nothing was sent.
    return jsonResponse(200, {
      status: 'pong',
      ...describeDelivery(delivery, auth),
      deliveries: [],
      note: said,
    });
  }
  return jsonResponse(202, {
    status: 'skipped',
    reason: said,
    ...describeDelivery(delivery, auth),
  });
}

/** The only place errors become HTTP answers: 4xx say why, 5xx say only what failed. */
export function errorAnswer(error: unknown): JsonResponse {
  if (error instanceof HttpError && error.expose) {
    return jsonResponse(error.status, { error: cutName(error.message) });
  }
  if (error instanceof HttpError && error.name === 'SettingsError') {
    return jsonResponse(500, { error: 'settings unavailable' });
  }
  return jsonResponse(500, { error: 'internal error' });
}

/** One robot's outcome: its platform's numeric code under `errcode`, and the plain phrase. */
export function publicResult(result: DeliveryResult): Record<string, unknown> {
  const robot = cutName(result.robot);
  const { platform } = result;
  return result.ok
    ? { robot, platform, ok: true }
    : {
        robot,
        platform,
        ok: false,
        ...(result.errcode === undefined ? {} : { errcode: result.errcode }),
        error: result.error,
      };
}
