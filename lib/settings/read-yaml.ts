import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { describeYamlError } from './yaml-problem';

/**
 * A YAML text (JSON is valid YAML) as plain values with every mapping a Map, so keys such as
 * `__proto__` or `constructor` are just keys. Problems come back as "line L, column C: …"
 * with nothing of the text itself (see describeYamlError): it may hold secrets. Warnings are
 * problems too: an unknown tag would otherwise turn `secret: !abc def` into "def" silently.
 */
const EXCESSIVE_ALIASES = 'Excessive alias count indicates a resource exhaustion attack';

export function readYaml(text: string): { value: unknown; problems: string[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const problems = [...document.errors, ...document.warnings]
    .sort((a, b) => a.pos[0] - b.pos[0])
    .map((error) => `${at(error.pos[0])}: ${describeYamlError(error)}`);
  if (problems.length === 0) {
    for (const offset of unresolvedAliases(document)) {
      problems.push(
        `${at(offset)}: an alias (*name) with no anchor (&name) before it; quote a value that starts with *`,
      );
    }
  }
  if (problems.length > 0) return { value: undefined, problems };
  try {
    // maxAliasCount stops "billion laughs" alias expansion.
    return { value: document.toJS({ mapAsMap: true, maxAliasCount: 100 }), problems: [] };
  } catch (error) {
    // yaml's alias messages quote the source, so only this fixed one is recognised.
    const tooMany = (error as Error).message === EXCESSIVE_ALIASES;
    const problem = tooMany ? 'too many aliases (*name): at most 100 expansions' : 'unreadable';
    return { value: undefined, problems: [`invalid YAML: ${problem}`] };
  }
}

/**
 * Where each alias names no earlier anchor. yaml finds these only in toJS, with a message
 * that quotes the alias (an unquoted `*secret`) and no position.
 */
function unresolvedAliases(document: Document): number[] {
  const anchors = new Set<string>();
  const offsets: number[] = [];
  // Document order, as yaml resolves aliases: an anchor counts from where it is set.
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) offsets.push(node.range?.[0] ?? 0);
      } else if (node.anchor) anchors.add(node.anchor);
    },
  });
  return offsets;
}
