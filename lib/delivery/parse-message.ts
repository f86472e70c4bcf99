import { isRecord, parseJsonRecord, type JsonRecord } from '../json-record';
import type { EventView } from '../view/event-view';
import { QUEUE_MESSAGE_VERSION, type QueueMessageBody } from './ports';

/**
 * Reading what the delivery queue holds, at the consumer's edge: an event message of this
 * version or the one before (a rolling deploy leaves old bodies in the queue), or a flush
 * token. Anything else is `unparseable` and goes to the DLQ at once, never retried.
 */
export type ParsedMessage =
  { ok: true; body: QueueMessageBody; version: number } | { ok: false; problem: string };

/** Flush token body (design.md): names the robot group whose pending events it flushes. */
export interface FlushToken {
  flush: 1;
  group: string;
  robot: string;
}

const ARRAY_FIELDS = ['headline', 'context', 'facts', 'items', 'links', 'mentions', 'textMentions'];

/**
 * Enough of a view to draw it: the fields every renderer reads, of the right JSON type. The
 * webhook wrote it with our own describers; this only stops a body from another program.
 */
function isEventView(value: unknown): value is EventView {
  if (!isRecord(value)) return false;
  const subject = value.subject;
  if (!isRecord(subject) || typeof subject.event !== 'string') return false;
  if (typeof subject.action !== 'string') return false;
  if (!ARRAY_FIELDS.every((field) => Array.isArray(value[field]))) return false;
  if (value.home !== null && !isRecord(value.home)) return false;
  if (value.excerpt !== null && typeof value.excerpt !== 'string') return false;
  return typeof value.itemTotal === 'number';
}

/** Version 0 had no `event`: the view's subject names kind and action, its home the repo. */
function eventOfView(view: EventView): QueueMessageBody['event'] {
  const home = view.home?.url;
  const repository = home && URL.canParse(home) ? new URL(home).pathname.replace(/^\/+/, '') : '';
  return { kind: view.subject.event, action: view.subject.action, repository };
}

function readEvent(record: JsonRecord): QueueMessageBody['event'] | null {
  const event = record.event;
  if (!isRecord(event)) return null;
  const { kind, action, repository } = event;
  if (typeof kind !== 'string' || typeof action !== 'string') return null;
  if (typeof repository !== 'string') return null;
  return { kind, action, repository };
}

export function parseQueueMessage(text: string): ParsedMessage {
  const record = parseJsonRecord(text);
  if (record === null) return { ok: false, problem: 'not a JSON object' };
  const version = record.v;
  if (version !== QUEUE_MESSAGE_VERSION && version !== QUEUE_MESSAGE_VERSION - 1) {
    return { ok: false, problem: `unknown version ${JSON.stringify(version) ?? 'none'}` };
  }
  const { robot, key, receivedAt, view } = record;
  if (typeof robot !== 'string' || robot === '') return { ok: false, problem: 'no robot' };
  if (typeof key !== 'string' || key === '') return { ok: false, problem: 'no key' };
  if (typeof receivedAt !== 'number') return { ok: false, problem: 'no receivedAt' };
  if (!isEventView(view)) return { ok: false, problem: 'no readable view' };
  const event = version === QUEUE_MESSAGE_VERSION ? readEvent(record) : eventOfView(view);
  if (event === null) return { ok: false, problem: 'no readable event' };
  const body: QueueMessageBody = { v: QUEUE_MESSAGE_VERSION, robot, key, receivedAt, event, view };
  if (record.atAll === true) body.atAll = true;
  return { ok: true, body, version };
}

/** A flush token for a group `r-<16 hex>`, or null for anything else. */
export function parseFlushToken(text: string): FlushToken | null {
  const record = parseJsonRecord(text);
  if (record === null || record.flush !== 1) return null;
  const { group, robot } = record;
  if (typeof group !== 'string' || !/^r-[0-9a-f]{16}$/.test(group)) return null;
  return typeof robot === 'string' ? { flush: 1, group, robot } : null;
}

export function formatFlushToken(token: Omit<FlushToken, 'flush'>): string {
  return JSON.stringify({ flush: 1, group: token.group, robot: token.robot });
}
