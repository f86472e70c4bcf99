import { isRecord, type JsonRecord } from '../json-record';

/**
 * Small readers that turn verified-but-untrusted JSON into the declared payload types. A value
 * of the wrong type reads as absent (`undefined`), so a signed body with `ref: 7` or
 * `commits: [null]` yields a typed value the rest of the pipeline can trust.
 */

/** Reads one JSON value as T; undefined when it is absent or not a T. */
export type Reader<T> = (value: unknown) => T | undefined;

/**
 * One reader per declared field, so the compiler checks that a shape covers its interface and
 * that each reader yields the field's declared type (required fields need a default).
 */
export type Shape<T> = { [K in keyof T]-?: (value: unknown) => T[K] };

export const text: Reader<string> = (value) => (typeof value === 'string' ? value : undefined);

/** JSON can spell Infinity (`1e999`); no count or id is infinite. */
export const finite: Reader<number> = (value) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const flag: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

/** For fields Gitee sends as `null`: a present value of the wrong type reads as null. */
export function orNull<T>(read: Reader<T>): (value: unknown) => T | null | undefined {
  return (value) => (value === undefined ? undefined : (read(value) ?? null));
}

export const nullableText = orNull(text);
export const nullableCount = orNull(finite);
export const nullableFlag = orNull(flag);

/** An array keeps the items that read; anything else is absent. */
export function listOf<T>(read: Reader<T>): Reader<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return undefined;
    const items: T[] = [];
    for (const item of value) {
      const got = read(item);
      if (got !== undefined) items.push(got);
    }
    return items;
  };
}

/** A JSON object read field by field; anything else is absent. */
export function objectOf<T>(shape: Shape<T>): Reader<T> {
  return (value) => (isRecord(value) ? readFields(shape, value) : undefined);
}

/** The kind's own object, which the caller has already required: never absent. */
export function ownObjectOf<T>(shape: Shape<T>): (value: unknown) => T {
  return (value) => readFields(shape, isRecord(value) ? value : {});
}

/**
 * A new object holding only the declared fields, each as its reader yields it. Own keys only:
 * a body's `__proto__` or `constructor` never reaches a reader.
 */
export function readFields<T>(shape: Shape<T>, source: JsonRecord): T {
  const result: JsonRecord = {};
  for (const [key, read] of Object.entries(shape) as Array<[string, Reader<unknown>]>) {
    const value = read(Object.hasOwn(source, key) ? source[key] : undefined);
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}
