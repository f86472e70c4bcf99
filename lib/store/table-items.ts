import type { StoredMap, StoredValue } from '../aws/dynamodb-marshal';
import type { PaceRecord, PendingEvent } from '../delivery/ports';
import { PACE_SORT_KEY, paceExpiresAt, pendingExpiresAt, pendingSortKey } from './table-ttl';

/**
 * The delivery table's items (design.md, "Table layout"), written and read as plain values.
 * Fields that are null in a record are absent in the item, so the item holds only what is known.
 */
export function paceItem(group: string, record: PaceRecord, ver: number, nowMs: number): StoredMap {
  return {
    pk: group,
    sk: PACE_SORT_KEY,
    robot: record.robot,
    sent: record.sent,
    blockedUntil: record.blockedUntil,
    oldestPendingAt: record.oldestPendingAt ?? undefined,
    pendingCount: record.pendingCount,
    flushTokenAt: record.flushTokenAt ?? undefined,
    failures: record.failures,
    lastError: record.lastError
      ? {
          reason: record.lastError.reason,
          errcode: record.lastError.errcode,
          at: record.lastError.at,
        }
      : undefined,
    lastSuccessAt: record.lastSuccessAt ?? undefined,
    ver,
    expiresAt: paceExpiresAt(nowMs),
  };
}

export function paceOfItem(item: StoredMap): PaceRecord {
  const lastError = item.lastError;
  return {
    robot: text(item.robot),
    sent: Array.isArray(item.sent) ? item.sent.filter((t) => typeof t === 'number') : [],
    blockedUntil: numberOr(item.blockedUntil, 0),
    oldestPendingAt: numberOr(item.oldestPendingAt, null),
    pendingCount: numberOr(item.pendingCount, 0),
    flushTokenAt: numberOr(item.flushTokenAt, null),
    failures: numberOr(item.failures, 0),
    lastError: isMap(lastError) ? errorOf(lastError) : null,
    lastSuccessAt: numberOr(item.lastSuccessAt, null),
    ver: numberOr(item.ver, 0),
  };
}

export function pendingItem(group: string, event: PendingEvent): StoredMap {
  return {
    pk: group,
    sk: pendingSortKey(event.seq),
    seq: event.seq,
    messageId: event.messageId,
    body: event.body,
    sentTimestamp: event.sentTimestamp,
    receivedAt: event.receivedAt,
    attempts: event.attempts,
    expiresAt: pendingExpiresAt(event),
  };
}

export function pendingOfItem(item: StoredMap): PendingEvent {
  return {
    seq: text(item.seq),
    messageId: text(item.messageId),
    body: text(item.body),
    sentTimestamp: numberOr(item.sentTimestamp, 0),
    receivedAt: numberOr(item.receivedAt, 0),
    attempts: numberOr(item.attempts, 0),
  };
}

function errorOf(map: StoredMap): NonNullable<PaceRecord['lastError']> {
  const errcode = map.errcode;
  return {
    reason: text(map.reason),
    ...(typeof errcode === 'number' ? { errcode } : {}),
    at: numberOr(map.at, 0),
  };
}

function isMap(value: StoredValue | undefined): value is StoredMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: StoredValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function numberOr<T extends number | null>(
  value: StoredValue | undefined,
  fallback: T,
): number | T {
  return typeof value === 'number' ? value : fallback;
}
