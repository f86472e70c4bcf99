import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT, serverlessEsbuildOptions } from '../../bench/artifacts';
import { documentedFields } from '../../lib/templates/field-docs';

/**
 * The Lambda bundles carry what the validator and renderer need of the template fields
 * (paths and types), not the README's descriptions and examples (issue 12, "Benchmark":
 * zip growth). Bundled as serverless-esbuild bundles them.
 */
async function bundled(name: string): Promise<string> {
  const result = await build({
    ...serverlessEsbuildOptions(),
    entryPoints: [join(ROOT, 'functions', `${name}.ts`)],
    write: false,
    outfile: join(ROOT, 'bench', 'out', 'trim', `${name}.js`),
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

// Long enough that no other code says the same; the short ones could be anyone's words.
const DESCRIPTIONS = documentedFields()
  .map((field) => field.description)
  .filter((text) => text.length >= 24);

describe.each(['webhook', 'deliver'])('the %s bundle', (name) => {
  let code = '';
  beforeAll(async () => {
    code = await bundled(name);
  }, 60_000);

  it('holds the field paths the validator checks', () => {
    for (const path of ['author_login', 'compare_url', 'list_separator']) {
      expect(code).toContain(path);
    }
  });

  it('holds none of the field descriptions', () => {
    expect(DESCRIPTIONS.length).toBeGreaterThan(40);
    expect(DESCRIPTIONS.filter((text) => code.includes(text))).toEqual([]);
  });
});
