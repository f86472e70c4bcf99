import type { DeliveryResult } from '../dingtalk/delivery';
import type { ParsedDelivery } from '../gitee/event';
import type { JsonResponse } from '../http/json-response';
import type { Logger } from '../logger';

export interface RequestLog {
  started: number;
  delivery?: ParsedDelivery;
  results?: DeliveryResult[];
  error?: unknown;
}

/**
 * One structured line per request: what came in, what happened, each robot's result and how
 * long it took. Never headers, bodies, robot URLs or secret values.
 */
export function logRequest(logger: Logger, log: RequestLog, answer: JsonResponse, now: number) {
  const delivery = log.delivery;
  const fields: Record<string, unknown> = {
    status: answer.statusCode,
    ...outcomeOf(answer),
    durationMs: now - log.started,
    ...(delivery && {
      event: delivery.kind,
      action: delivery.kind === 'ping' ? undefined : delivery.action,
      repository: delivery.repository.path,
      hookId: delivery.hookId,
    }),
    ...(log.results && { deliveries: log.results }),
    ...(log.error !== undefined && { problem: describeProblem(log.error) }),
  };
  const level = answer.statusCode >= 500 ? 'error' : answer.statusCode >= 400 ? 'warn' : 'info';
  logger[level]('gitee webhook', fields);
}

function outcomeOf(answer: JsonResponse): { outcome: string; reason?: string } {
  const body = JSON.parse(answer.body) as { status?: string; reason?: string; error?: string };
  return { outcome: body.status ?? 'refused', reason: body.reason ?? body.error };
}

/**
 * The error's class and message (our messages never hold values), never its stack or cause:
 * an AWS SDK error as cause carries the raw HTTP exchange, signed headers included.
 */
function describeProblem(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  const detail = 'detail' in error ? (error as { detail: unknown }).detail : undefined;
  return { name: error.name, message: error.message, detail };
}
