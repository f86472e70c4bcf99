import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_TEMPLATES } from '../../lib/templates/examples';
import { fieldTable } from '../../lib/templates/field-table';

/** The README documents templates from the code's own lists; these keep the two the same. */
const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/**
 * A markdown table's rows as cells, as a reader sees them: whatever the column padding, the
 * heading's case, or the spaces CommonMark strips from both ends of a code span.
 */
function rows(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line, index) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/` (.+?) `/g, '`$1`'))
        .map((cell) => (index === 0 ? cell.toLowerCase() : cell)),
    );
}

function section(heading: string): string {
  const start = README.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n#', start + heading.length);
  return README.slice(start, end === -1 ? undefined : end);
}

describe('README: message templates', () => {
  it('lists every documented template field, and only those, as the field list has them', () => {
    const documented = rows(section('### Template fields')).filter((cells) => cells.length === 4);
    expect(documented).toEqual(rows(fieldTable()));
  });

  it('shows the three ready templates exactly as settings.example.yml and the tests use them', () => {
    const blocks = [...section('### Three ready templates').matchAll(/```yaml\n([\s\S]*?)```/g)];
    const shown = blocks.map((block) => parse(block[1]!) as Record<string, unknown>);
    expect(shown).toEqual(
      EXAMPLE_TEMPLATES.map((example) => ({ [example.key]: example.template })),
    );
  });
});
