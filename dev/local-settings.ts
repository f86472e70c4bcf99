import { readFile } from 'node:fs/promises';
import { createCachedSettingsSource } from '../lib/settings/create-cached-source';
import { loadSettings, type LoadSettingsOptions } from '../lib/settings/load-settings';
import { settingsFileToParameters } from '../lib/settings/settings-file';
import type { SettingsSource } from '../lib/settings/source';
import type { Settings } from '../lib/settings/types';
import { formatTemplateProblem } from '../lib/templates/validate';
import { resolvePlaygroundParameters } from './emulated-robots';
import { errorCode } from './error-code';

/** Short, so an edit of the settings file applies to the next delivery without a restart. */
export const LOCAL_SETTINGS_TTL_MS = 2000;

/**
 * The settings file as the playground on `port` runs with it: playground.localhost webhooks
 * resolved to that port, then validated exactly as the Lambda validates what SSM holds
 * (templates included: a faulty set is set aside and `options` is told why).
 */
export async function loadSettingsFile(
  path: string,
  port: number,
  options: LoadSettingsOptions = {},
): Promise<Settings> {
  const text = await readFile(path, 'utf8');
  const parameters = resolvePlaygroundParameters(settingsFileToParameters(text), port);
  return loadSettings(parameters, options);
}

/** What the playground on `port` runs with, re-read within LOCAL_SETTINGS_TTL_MS of an edit. */
export function createFileSettingsSource(
  path: string,
  now: () => number,
  port: number,
): SettingsSource {
  const onTemplateProblems = reportTemplateProblemsOnce(path);
  return createCachedSettingsSource({
    load: () => loadSettingsFile(path, port, { onTemplateProblems }),
    now,
    ttlMs: LOCAL_SETTINGS_TTL_MS,
    // Locally there is no SSM quota to protect: a rotated secret applies at once.
    minRefreshIntervalMs: 0,
  });
}

/**
 * A template mistake in the file, told on the terminal once (the file is re-read every 2 s):
 * the playground runs on, with the built-in messages for that robot, as the Lambda would.
 */
function reportTemplateProblemsOnce(
  path: string,
): NonNullable<LoadSettingsOptions['onTemplateProblems']> {
  let told = '';
  return (problems) => {
    const text = problems.map(formatTemplateProblem).join('\n');
    if (text === told) return;
    told = text;
    console.error(`${path}: templates set aside (built-in messages meanwhile):\n${text}`);
  };
}

/** Why the file did not load, in words for the terminal (never a secret value). */
export function describeLoadProblem(error: unknown): string {
  if (errorCode(error) === 'ENOENT') {
    return 'the file does not exist (npm start creates it on first start)';
  }
  return error instanceof Error ? error.message : String(error);
}
