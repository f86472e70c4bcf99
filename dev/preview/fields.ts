/** Reading a received body, which may be any JSON or none at all. */

export type Fields = Record<string, unknown>;

export function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

export function listOf(value: unknown): Fields[] {
  return Array.isArray(value) ? value.map(fieldsOf) : [];
}

/** The body as the page's raw view shows it: text as it came, JSON indented. */
export function rawText(message: unknown): string {
  return typeof message === 'string' ? message : (JSON.stringify(message, null, 2) ?? '');
}
