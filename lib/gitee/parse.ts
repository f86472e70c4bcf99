import { BadRequestError } from '../errors';
import type { EventKind, GiteeEvent, ParsedDelivery, RepositoryRef } from './event';
import { eventKindOf } from './hook-names';
import { isRecord } from '../json-record';
import { finite } from './field-readers';
import type { GiteeIssuePayload } from './payloads';
import { fromHookUrl, resolveRepository } from './repository-ref';
import {
  sanitizeIssuePayload,
  sanitizeNotePayload,
  sanitizePullRequestPayload,
  sanitizePushPayload,
} from './sanitize-payload';

export interface GiteeRequest {
  /** Lower-cased header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The decoded body text. */
  body: string;
}

/**
 * Turns a verified delivery into a typed event. Classifies by `body.hook_name`, falling back
 * to `X-Gitee-Event` in either spelling; recognises the Test ping (`X-Gitee-Ping: true`).
 * Throws BadRequestError with words fit for Gitee's delivery log.
 */
export function parseGiteeDelivery(request: GiteeRequest): ParsedDelivery {
  if (request.headers['content-type']?.includes('application/x-www-form-urlencoded')) {
    // Gitee's "old version" hooks post `hook=<json>` forms and are no longer maintained (§1.1).
    throw new BadRequestError(
      'form-encoded body from a legacy WebHook: delete it in Gitee and add a new WebHook',
    );
  }
  const body = parseJsonObject(request.body);
  const hookName = typeof body.hook_name === 'string' ? body.hook_name : undefined;
  const kind = eventKindOf(hookName) ?? eventKindOf(request.headers['x-gitee-event']);
  if (!kind) {
    const seen = hookName ?? request.headers['x-gitee-event'];
    throw new BadRequestError(
      seen ? `unknown hook "${seen.slice(0, 40)}"` : 'not a Gitee delivery: no hook_name',
    );
  }
  const hookId = finite(body.hook_id) ?? null;
  const timestamp = timestampOf(body.timestamp) ?? request.headers['x-gitee-timestamp'] ?? '';
  if (request.headers['x-gitee-ping'] === 'true') {
    const repository = fromHookUrl(body.hook_url) ?? resolveRepository(body.repository, null);
    return { kind: 'ping', repository: repository ?? unknownRepository(), hookId, timestamp };
  }
  const repository = resolveRepository(body.repository, body.hook_url);
  if (!repository) throw new BadRequestError(`${hookName ?? kind}: missing repository`);
  return toEvent(kind, body, { repository, hookId, timestamp });
}

type Base = { repository: RepositoryRef; hookId: number | null; timestamp: string };

/**
 * Each kind's typed payload, read field by field: a field of the wrong type is absent. Only the
 * kind's own object (or a push's `ref`, when one is sent) is required to be of its type.
 */
function toEvent(kind: EventKind, body: Record<string, unknown>, base: Base): GiteeEvent {
  switch (kind) {
    case 'push':
    case 'tag_push': {
      // No ref at all is the IM-robot body (protocol notes §1.5), described generically.
      if (body.ref != null && typeof body.ref !== 'string') {
        throw new BadRequestError(`${kind} hook with a "ref" that is not a string`);
      }
      return { ...base, kind, action: pushAction(kind, body), payload: sanitizePushPayload(body) };
    }
    case 'issue': {
      requireObject(body, 'issue', kind);
      const payload = sanitizeIssuePayload(body);
      return { ...base, kind, action: issueAction(payload), payload };
    }
    case 'pull_request': {
      requireObject(body, 'pull_request', kind);
      const payload = sanitizePullRequestPayload(body);
      return { ...base, kind, action: actionOf(body, 'unknown'), payload };
    }
    case 'comment': {
      requireObject(body, 'comment', kind);
      const payload = sanitizeNotePayload(body);
      return { ...base, kind, action: actionOf(body, 'comment'), payload };
    }
  }
}

function pushAction(kind: EventKind, body: Record<string, unknown>): string {
  if (body.deleted === true) return 'delete';
  if (kind === 'tag_push' || body.created === true) return 'create';
  return 'push';
}

/** `state_change` says little; the new state tells whether the issue was closed, reopened… */
function issueAction(payload: GiteeIssuePayload): string {
  const action = actionOf(payload, 'unknown');
  if (action !== 'state_change') return action;
  const state = payload.issue.state ?? payload.state;
  const refined: Record<string, string> = { closed: 'close', rejected: 'reject', open: 'reopen' };
  return (state && Object.hasOwn(refined, state) && refined[state]) || 'state_change';
}

function actionOf(body: { action?: unknown }, fallback: string): string {
  return typeof body.action === 'string' && body.action !== '' ? body.action : fallback;
}

function requireObject(body: Record<string, unknown>, key: string, kind: EventKind): void {
  if (!isRecord(body[key])) throw new BadRequestError(`${kind} hook without a "${key}" object`);
}

/** The body's timestamp when it is a string or a number (logs, duplicates), else the header's. */
function timestampOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError('body is not valid JSON');
  }
  if (!isRecord(value)) throw new BadRequestError('body is not a JSON object');
  return value;
}

function unknownRepository(): RepositoryRef {
  return { path: 'unknown', name: 'unknown', url: 'https://gitee.com' };
}
