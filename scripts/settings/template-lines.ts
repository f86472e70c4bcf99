import { isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import { DEFAULTS_OWNER } from '../../lib/settings/template-parameters';
import type { ConfiguredTemplate } from '../../lib/settings/types';

/** Where a place in a template is in the settings file (1-based). */
export interface FileLine {
  line: number;
  /** Known only where the file holds the template's lines as they are (a `|` block). */
  column?: number;
}

/** The template's key path in the settings file. */
export function templateYamlPath(template: Pick<ConfiguredTemplate, 'owner' | 'key' | 'part'>) {
  const { owner, key, part } = template;
  return owner === DEFAULTS_OWNER
    ? ['defaults', 'templates', key, part]
    : ['robots', owner, 'templates', key, part];
}

/**
 * The settings file's line of `line` and `column` of a template (issue 12: "`check` also
 * gives the settings file's line"). In a literal block (`text: |`) template line L is the L-th
 * line below the header, indented by the block's indentation. In a quoted or folded scalar
 * lines are joined or escaped, so only the line where the template starts is certain. Null
 * when the file does not hold the template there (it came from elsewhere).
 */
export function templateFileLine(
  text: string,
  template: Pick<ConfiguredTemplate, 'owner' | 'key' | 'part'>,
  line: number,
  column: number,
): FileLine | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const node = document.getIn(templateYamlPath(template), true);
  if (!isScalar(node) || node.range === undefined || node.range === null) return null;
  const start = lineCounter.linePos(node.range[0]);
  if (node.type !== Scalar.BLOCK_LITERAL) return { line: start.line };
  const lines = text.split(/\r?\n/);
  const body = lines.slice(start.line);
  const first = body.find((content) => content.trim() !== '') ?? '';
  const indent = first.length - first.trimStart().length;
  return { line: start.line + line, column: indent + column };
}

/** `settings.yml:14:9`, or `settings.yml line 14` where only the start is known. */
export function formatFileLine(fileName: string, at: FileLine): string {
  return at.column === undefined
    ? `${fileName} line ${at.line}, where the template starts`
    : `${fileName}:${at.line}:${at.column}`;
}
