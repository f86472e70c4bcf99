/**
 * A value a template prints, as text: what Liquid would write, except that an object prints
 * nothing rather than "[object Object]" (a template printing `{{ issue }}` meant a field of it).
 */
export function outputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(outputText).join('');
  return '';
}

/**
 * `escape` applied to each line of a value: the platform escapes treat their input as one
 * line (only its start can open a block), and a filter such as `replace` can add line breaks.
 */
export function escapeLines(text: string, escape: (line: string) => string): string {
  return text.split('\n').map(escape).join('\n');
}
