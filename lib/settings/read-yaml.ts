import { LineCounter, parseDocument } from 'yaml';

/**
 * A YAML text (JSON is valid YAML) as plain values with every mapping a Map, so keys such as
 * `__proto__` or `constructor` are just keys. Syntax errors come back as "line L, column C: …"
 * without the source snippet yaml would print: the text may hold secrets (settings file).
 */
export function readYaml(text: string): { value: unknown; problems: string[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return `line ${line}, column ${col}: ${error.message}`;
    });
    return { value: undefined, problems };
  }
  try {
    // maxAliasCount stops "billion laughs" alias expansion.
    return { value: document.toJS({ mapAsMap: true, maxAliasCount: 100 }), problems: [] };
  } catch (error) {
    return { value: undefined, problems: [`invalid YAML: ${(error as Error).message}`] };
  }
}
