import type { TemplateProblem } from '../templates/validate';
import { buildSettings } from './build-settings';
import { findTemplateProblems, setAsideInvalidTemplates } from './template-problems';
import type { Settings } from './types';

export interface LoadSettingsOptions {
  /**
   * Told of the template mistakes found at load, for the log: the settings still load, with
   * the sets that have one set aside (built-in messages there), and `health` says
   * `templatesValid: false`. `settings check` and `push` refuse such a file.
   */
  onTemplateProblems?: (problems: readonly TemplateProblem[]) => void;
}

/**
 * The parameters under the stage path as the functions run with them: buildSettings (every
 * config rule; throws SettingsError), then every template parsed and checked. A mistake in a
 * template does not stop deliveries: its set is set aside and the robots it was for get the
 * built-in messages until it is fixed, rather than a half-written message or none at all.
 */
export async function loadSettings(
  parameters: ReadonlyMap<string, string>,
  options: LoadSettingsOptions = {},
): Promise<Settings> {
  const settings = buildSettings(parameters);
  if (settings.templates === undefined) return settings;
  const problems = await findTemplateProblems(settings);
  if (problems.length > 0) options.onTemplateProblems?.(problems);
  return setAsideInvalidTemplates(settings, problems);
}
