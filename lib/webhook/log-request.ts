import type { DeliveryJob, DeliveryResult } from '../send/types';
import type { ParsedDelivery } from '../gitee/event';
import type { GiteeAuthMode } from '../gitee/verify';
import type { JsonResponse } from '../http/json-response';
import type { Logger } from '../logger';
import { cutName } from './cut-name';
import type { QueuedResult } from './queue-answers';

export interface RequestLog {
  started: number;
  /** How the delivery authenticated, once it did. */
  auth?: GiteeAuthMode;
  delivery?: ParsedDelivery;
  results?: DeliveryResult[];
  /** Queue mode: each robot's message, taken by the delivery queue or not (SQS's code). */
  queued?: QueuedResult[];
  /** Robots whose message came from a template, and why a template fell back (issue 12). */
  templates?: Array<{ robot: string; key: string; fallback?: string }>;
  error?: unknown;
}

/**
 * One structured line per request: what came in, what happened, each robot's result and how
 * long it took. Never headers, bodies, robot URLs or secret values; names are cut like in the
 * answer.
 */
export function logRequest(logger: Logger, log: RequestLog, answer: JsonResponse, now: number) {
  const delivery = log.delivery;
  const fields: Record<string, unknown> = {
    status: answer.statusCode,
    ...outcomeOf(answer),
    durationMs: now - log.started,
    ...(log.auth && { auth: log.auth }),
    ...(delivery && {
      event: delivery.kind,
      action: delivery.kind === 'ping' ? undefined : cutName(delivery.action),
      repository: cutName(delivery.repository.path),
      hookId: delivery.hookId,
    }),
    ...(log.templates?.length && {
      templates: log.templates.map((entry) => ({ ...entry, robot: cutName(entry.robot) })),
    }),
    ...(log.results && {
      deliveries: log.results.map((result) => ({ ...result, robot: cutName(result.robot) })),
    }),
    ...(log.queued && {
      queued: log.queued.map((result) => ({ ...result, robot: cutName(result.robot) })),
    }),
    ...(log.error !== undefined && { problem: describeProblem(log.error) }),
  };
  const level = answer.statusCode >= 500 ? 'error' : answer.statusCode >= 400 ? 'warn' : 'info';
  logger[level]('gitee webhook', fields);
}

/** The answer's words, already cut to size there. */
function outcomeOf(answer: JsonResponse): { outcome: string; reason?: string } {
  const body = JSON.parse(answer.body) as {
    status?: string;
    reason?: string;
    note?: string;
    error?: string;
  };
  return { outcome: body.status ?? 'refused', reason: body.reason ?? body.note ?? body.error };
}

/**
 * The error's class and message (our messages never hold values), never its stack or cause:
 * an AWS SDK error as cause carries the raw HTTP exchange, signed headers included.
 */
function describeProblem(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  const detail = 'detail' in error ? (error as { detail: unknown }).detail : undefined;
  return {
    name: error.name,
    message: cutName(error.message),
    detail: typeof detail === 'string' ? cutName(detail) : detail,
  };
}

/** What the log line says of templated messages: which template, and why one fell back. */
export function templatesOf(jobs: readonly DeliveryJob[]): RequestLog['templates'] {
  return jobs.flatMap(({ robot, template }) =>
    template ? [{ robot: robot.name, ...template }] : [],
  );
}
