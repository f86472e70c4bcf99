import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { isScalar, LineCounter, parseDocument, Scalar, type Document } from 'yaml';
import type { MessageTemplate, TemplateSet } from '../lib/templates/types';
import { keepUntouchedLines } from './playground-editor-lines';

export interface TemplateEdit {
  robot: string;
  key: string;
  template: MessageTemplate;
  /**
   * The defaults the robot rendered with until now: saving one template gives the robot a
   * set of its own, which replaces the defaults for it, so they are copied in first and its
   * other events keep their messages.
   */
  inherited?: TemplateSet;
}

/**
 * The settings file with one robot template written in (issue 12: "Save writes the template
 * into settings.local.yml, keeping the rest of the file and its comments"): edited through
 * yaml's document API, so every other line, comment and quote stays as it was. The text is a
 * literal block (`text: |`), as the README recommends; a template that would not read back
 * exactly so is written double-quoted. Throws when the file is not YAML.
 */
export function writeTemplateInto(source: string, edit: TemplateEdit): string {
  const document = parseDocument(source);
  if (document.errors.length > 0) throw new Error('the settings file is not valid YAML');
  const at = (key: string, part: string) => ['robots', edit.robot, 'templates', key, part];
  for (const [key, template] of Object.entries(edit.inherited ?? {})) {
    if (key === edit.key || document.hasIn(at(key, 'text'))) continue;
    setTemplate(document, at, key, template);
  }
  setTemplate(document, at, edit.key, edit.template);
  const printed = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return withSourceLines(source, printed, ['robots', edit.robot, 'templates']);
}

/**
 * The printed document with the lines outside `path` as the person wrote them; the printed
 * one when that would read differently (it never should: only formatting is put back).
 */
function withSourceLines(source: string, printed: string, path: string[]): string {
  const lineCounter = new LineCounter();
  const document = parseDocument(printed, { lineCounter });
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return printed;
  const first = lineCounter.linePos(node.range[0]).line - 1;
  const last = lineCounter.linePos(Math.max(node.range[0], node.range[2] - 1)).line - 1;
  const merged = keepUntouchedLines(source, printed, { first, last });
  const same = isDeepStrictEqual(parseDocument(merged).toJS(), document.toJS());
  return same ? merged : printed;
}

function setTemplate(
  document: Document,
  at: (key: string, part: string) => string[],
  key: string,
  { title, text }: MessageTemplate,
): void {
  if (title === undefined || title.trim() === '') {
    if (document.hasIn(at(key, 'title'))) document.deleteIn(at(key, 'title'));
  } else document.setIn(at(key, 'title'), scalar(document, title, Scalar.QUOTE_DOUBLE));
  document.setIn(at(key, 'text'), scalar(document, text, Scalar.BLOCK_LITERAL));
  const written = document.getIn(at(key, 'text'), true);
  if (!readsBackAs(document, written, text)) {
    document.setIn(at(key, 'text'), scalar(document, text, Scalar.QUOTE_DOUBLE));
  }
}

function scalar(document: Document, value: string, type: Scalar.Type): Scalar {
  const node = document.createNode(value);
  node.type = type;
  return node;
}

/** Whether the node, printed and parsed again, is exactly `text` (block scalars drop some). */
function readsBackAs(document: Document, node: unknown, text: string): boolean {
  if (!isScalar(node)) return false;
  const probe = parseDocument(
    new (document.constructor as typeof Document)({ t: node }).toString(),
  );
  return probe.get('t') === text;
}

/**
 * Replaces the file in one step (a reader never sees half a file), with its permissions:
 * it holds secrets, and the first start made it 0600.
 */
export async function replaceFile(path: string, text: string): Promise<void> {
  const { mode } = await stat(path);
  const next = `${path}.editor-${process.pid}.tmp`;
  await writeFile(next, text, { mode: mode & 0o777 });
  await rename(next, path);
}

export async function saveTemplate(path: string, edit: TemplateEdit): Promise<string> {
  const text = writeTemplateInto(await readFile(path, 'utf8'), edit);
  await replaceFile(path, text);
  return text;
}
