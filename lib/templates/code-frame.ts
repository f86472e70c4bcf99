/** Lines shown before and after the one with the mistake. */
const CONTEXT = 2;
/** A longer line is shown cut: the frame is for finding the place, not reading the line. */
const MAX_LINE = 160;

/**
 * The template's lines around `line`, the line marked `>>` and a caret under `column`
 * (both 1-based), in the shape Liquid's own frames have. Only the template: never the rest
 * of the settings file.
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, line + CONTEXT);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const text = (lines[number - 1] ?? '').slice(0, MAX_LINE);
    out.push(`${number === line ? '>>' : '  '} ${String(number).padStart(width)}| ${text}`);
    if (number === line) {
      const caret = Math.min(Math.max(1, column), MAX_LINE + 1);
      out.push(`   ${' '.repeat(width)}| ${' '.repeat(caret - 1)}^`);
    }
  }
  return out.join('\n');
}

/** Line and column (1-based) of a code-unit offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}
