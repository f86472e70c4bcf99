/**
 * Small readers for validated YAML values: each returns the typed value, or undefined after
 * adding "<path>: <problem>" to `problems`, so one pass reports every mistake in a file.
 * A message quotes a value only where it shows a typo in a word-valued field; anything that
 * may be a misplaced secret is described by its shape ("a string of 67 characters").
 */
export type Problems = string[];

export function childPath(path: string, key: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** A key's path; a key that looks like a secret is named by length: `gitee.<a key of 41 characters>`. */
export function keyPath(path: string, key: string): string {
  if (!looksLikeSecret(key)) return childPath(path, key);
  const shape = `<a key of ${key.length} characters>`;
  return path ? `${path}.${shape}` : shape;
}

/** The longest string quoted: every answer a word-valued field takes is shorter. */
const MAX_QUOTED_LENGTH = 24;

/**
 * A value for a field that takes a word, a number or a name: short words are quoted so the
 * typo shows ("fr"); strings shaped like credentials are not. DingTalk secrets start with SEC,
 * tokens, hook ids and webhook URLs are longer than any answer, and a mix of letters and
 * digits of 8 or more (or 8 digits in a row) is how generated secrets and most passwords look.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string' && !looksLikeSecret(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  // A count or a limit is short; a long number may be a numeric password.
  if (typeof value === 'number' && String(value).length < 8) return String(value);
  return describeShape(value);
}

/** A value named inline ("no robot …"): quoted as describeValue does, or its shape in brackets. */
export function describeName(value: string): string {
  return looksLikeSecret(value) ? `(${describeShape(value)})` : JSON.stringify(value);
}

/** A value by its shape only, never its content: for positions that may hold a secret. */
export function describeShape(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a mapping';
  if (typeof value === 'string') {
    if (value.trim() === '') return value === '' ? 'an empty string' : 'only spaces';
    return value.length === 1
      ? 'a string of 1 character'
      : `a string of ${value.length} characters`;
  }
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return `a ${typeof value}`;
}

/** Shaped like a credential rather than a word a field takes (see describeValue). */
export function looksLikeSecret(text: string): boolean {
  return (
    text.length > MAX_QUOTED_LENGTH ||
    text.startsWith('SEC') ||
    (text.length >= 8 && /[A-Za-z]/.test(text) && /[0-9]/.test(text)) ||
    /[0-9]{8}/.test(text)
  );
}

/**
 * A mapping with string keys (YAML `123:` becomes "123"); null/absent is `undefined`, no
 * problem. A scalar here is described by shape: `gitee: <secret>` is the usual way to get it.
 */
export function readMapping(
  value: unknown,
  path: string,
  problems: Problems,
): Map<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  if (!(value instanceof Map)) {
    problems.push(`${path}: must be a mapping (got ${describeShape(value)})`);
    return undefined;
  }
  const mapping = new Map<string, unknown>();
  for (const [key, item] of value) {
    if (typeof key === 'string' || typeof key === 'number') mapping.set(String(key), item);
    else problems.push(`${path}: keys must be names (got ${describeShape(key)})`);
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
      problems.push(`${keyPath(path, key)}: unknown key; expected ${allowed.join(', ')}`);
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
