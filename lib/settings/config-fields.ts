/**
 * Small readers for validated YAML values: each returns the typed value, or undefined after
 * adding "<path>: <problem>" to `problems`, so one pass reports every mistake in a file.
 * Values are quoted in messages only for non-secret fields (enums, numbers), and shortened.
 */
export type Problems = string[];

export function childPath(path: string, key: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a mapping';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

/** A mapping with string keys (YAML `123:` becomes "123"); null/absent is `undefined`, no problem. */
export function readMapping(
  value: unknown,
  path: string,
  problems: Problems,
): Map<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  if (!(value instanceof Map)) {
    problems.push(`${path}: must be a mapping (got ${describeValue(value)})`);
    return undefined;
  }
  const mapping = new Map<string, unknown>();
  for (const [key, item] of value) {
    if (typeof key === 'string' || typeof key === 'number') mapping.set(String(key), item);
    else problems.push(`${path}: keys must be names (got ${describeValue(key)})`);
  }
  return mapping;
}

/** Unknown keys are errors, so a typo ("evnts") is caught instead of silently ignored. */
export function checkKeys(
  mapping: Map<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: Problems,
): void {
  for (const key of mapping.keys()) {
    if (!allowed.includes(key)) {
      problems.push(`${childPath(path, key)}: unknown key; expected ${allowed.join(', ')}`);
    }
  }
}

export function readEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  problems: Problems,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  problems.push(`${path}: must be one of ${allowed.join(', ')} (got ${describeValue(value)})`);
  return undefined;
}

export function readInteger(
  value: unknown,
  range: { min: number; max: number },
  path: string,
  problems: Problems,
): number | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= range.min &&
    value <= range.max
  ) {
    return value;
  }
  problems.push(
    `${path}: must be a whole number from ${range.min} to ${range.max} (got ${describeValue(value)})`,
  );
  return undefined;
}

export function readBoolean(value: unknown, path: string, problems: Problems): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  problems.push(`${path}: must be true or false (got ${describeValue(value)})`);
  return undefined;
}

/** A non-empty string. YAML reads an unquoted 13800000000 as a number: say to quote it. */
export function readString(value: unknown, path: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  const got = typeof value === 'number' ? 'a number; put it in quotes' : describeValue(value);
  problems.push(`${path}: must be a non-empty string (got ${got})`);
  return undefined;
}

/** A list of non-empty strings; null/absent is `undefined`, no problem. */
export function readStringList(
  value: unknown,
  path: string,
  problems: Problems,
): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`${path}: must be a list (got ${describeValue(value)})`);
    return undefined;
  }
  const before = problems.length;
  const items = value.map((item, index) => readString(item, `${path}[${index}]`, problems));
  return problems.length === before ? (items as string[]) : undefined;
}
