import type { Settings } from '../../lib/settings/types';
import { formatTemplateProblem, type TemplateProblem } from '../../lib/templates/validate';
import { formatFileLine, templateFileLine } from './template-lines';

/** The settings file a problem is reported against, when there is one (check, push). */
export interface SettingsFileRef {
  text: string;
  fileName: string;
}

/**
 * Template mistakes as the CLI prints them: `<path>: <message> (line L, col C)` as the
 * validator words it, the file's own line where a file is at hand, then the template's code
 * frame (only the template: it is not secret, the rest of the file may be).
 */
export function describeTemplateProblems(
  problems: readonly TemplateProblem[],
  settings: Pick<Settings, 'templates'>,
  file?: SettingsFileRef,
): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = [`invalid templates (${count}):`];
  for (const problem of problems) {
    const [first = '', ...frame] = formatTemplateProblem(problem).split('\n');
    lines.push(`  ${first}`);
    const template = settings.templates?.find((candidate) => candidate.path === problem.path);
    const at =
      file && template ? templateFileLine(file.text, template, problem.line, problem.column) : null;
    if (file && at) lines.push(`    at ${formatFileLine(file.fileName, at)}`);
    lines.push(...frame.map((line) => `    ${line}`));
  }
  return lines.join('\n');
}
