import { BadRequestError } from '../errors';
import type { EventKind, GiteeEvent, ParsedDelivery, RepositoryRef } from './event';
import { eventKindOf } from './hook-names';
import type {
  GiteeEnvelope,
  GiteeIssuePayload,
  GiteeNotePayload,
  GiteePullRequestPayload,
} from './payloads';
import { fromHookUrl, resolveRepository } from './repository-ref';

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
  const hookId = typeof body.hook_id === 'number' ? body.hook_id : null;
  const timestamp = String(body.timestamp ?? request.headers['x-gitee-timestamp'] ?? '');
  if (request.headers['x-gitee-ping'] === 'true') {
    const repository = fromHookUrl(body.hook_url) ?? resolveRepository(body.repository, null);
    return { kind: 'ping', repository: repository ?? unknownRepository(), hookId, timestamp };
  }
  const repository = resolveRepository(body.repository, body.hook_url);
  if (!repository) throw new BadRequestError(`${hookName ?? kind}: missing repository`);
  return toEvent(kind, body as unknown as GiteeEnvelope, { repository, hookId, timestamp });
}

type Base = { repository: RepositoryRef; hookId: number | null; timestamp: string };

function toEvent(kind: EventKind, payload: GiteeEnvelope, base: Base): GiteeEvent {
  const body = payload as unknown as Record<string, unknown>;
  switch (kind) {
    case 'push':
    case 'tag_push':
      return { ...base, kind, action: pushAction(kind, body), payload };
    case 'issue': {
      const issue = requireObject(body, 'issue', kind);
      issue.number = String(issue.number ?? body.iid ?? '');
      const typed = payload as GiteeIssuePayload;
      return { ...base, kind, action: issueAction(typed), payload: typed };
    }
    case 'pull_request': {
      const pr = requireObject(body, 'pull_request', kind);
      pr.number = Number(pr.number ?? body.number ?? 0);
      const typed = payload as GiteePullRequestPayload;
      return { ...base, kind, action: actionOf(body, 'unknown'), payload: typed };
    }
    case 'comment': {
      requireObject(body, 'comment', kind);
      const typed = payload as GiteeNotePayload;
      return { ...base, kind, action: actionOf(body, 'comment'), payload: typed };
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
  const action = actionOf(payload as unknown as Record<string, unknown>, 'unknown');
  if (action !== 'state_change') return action;
  const state = payload.issue.state ?? payload.state;
  const refined: Record<string, string> = { closed: 'close', rejected: 'reject', open: 'reopen' };
  return (state && Object.hasOwn(refined, state) && refined[state]) || 'state_change';
}

function actionOf(body: Record<string, unknown>, fallback: string): string {
  return typeof body.action === 'string' && body.action !== '' ? body.action : fallback;
}

function requireObject(body: Record<string, unknown>, key: string, kind: EventKind) {
  const value = body[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError(`${kind} hook without a "${key}" object`);
  }
  return value as Record<string, unknown>;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError('body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError('body is not a JSON object');
  }
  return value as Record<string, unknown>;
}

function unknownRepository(): RepositoryRef {
  return { path: 'unknown', name: 'unknown', url: 'https://gitee.com' };
}
