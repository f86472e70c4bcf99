import { isRecord } from '../json-record';
/**
 * Reading payload values without trusting their declared types: Gitee sends `null`, omits
 * fields, and changes shapes between years (gitee-webhook-protocol.md §4). A formatter never
 * throws on a real payload, so every read goes through these.
 */

/** A non-blank string, or null. */
export function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A finite, non-negative whole number (counts arrive as numbers, null, or absent). */
export function countOf(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0
    ? Math.floor(number)
    : null;
}

/** An array, or empty for null, absent or anything else. */
export function listOf<T>(value: T[] | null | undefined | unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** `object[key]` when `object` really is an object. */
export function fieldOf(object: unknown, key: string): unknown {
  return isRecord(object) ? object[key] : undefined;
}
