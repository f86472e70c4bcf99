/** A parsed JSON object: what every reader of outside JSON (Gitee, SSM, the robots) checks for. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text as a JSON object, or null when it is not JSON or not an object. */
export function parseJsonRecord(text: string): JsonRecord | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}
