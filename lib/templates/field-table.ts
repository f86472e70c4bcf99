import { documentedFields } from './field-docs';

/**
 * The README's table of template fields, written from the one field list (issue 12: every
 * field documented, with an example). Not used when relaying; docs and their test call it.
 */
export function fieldTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = documentedFields().map(
    ({ path, type, description, example }) =>
      `| \`${path}\` | ${type} | ${cell(description)} | ${example === '' ? '' : `\`${cell(example)}\``} |`,
  );
  return ['| Field | Type | What it is | Example |', '|---|---|---|---|', ...rows].join('\n');
}
