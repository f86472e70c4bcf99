import { readFile } from 'node:fs/promises';
import { buildSettings } from '../lib/settings/build-settings';
import { createCachedSettingsSource } from '../lib/settings/create-cached-source';
import { settingsFileToParameters } from '../lib/settings/settings-file';
import type { SettingsSource } from '../lib/settings/source';
import type { Settings } from '../lib/settings/types';
import { resolvePlaygroundParameters } from './emulated-robots';
import { errorCode } from './error-code';

/** Short, so an edit of the settings file applies to the next delivery without a restart. */
export const LOCAL_SETTINGS_TTL_MS = 2000;

/**
 * The settings file as the playground on `port` runs with it: playground.localhost webhooks
 * resolved to that port, then validated exactly as the Lambda validates what SSM holds.
 */
export async function loadSettingsFile(path: string, port: number): Promise<Settings> {
  const text = await readFile(path, 'utf8');
  return buildSettings(resolvePlaygroundParameters(settingsFileToParameters(text), port));
}

/** What the playground on `port` runs with, re-read within LOCAL_SETTINGS_TTL_MS of an edit. */
export function createFileSettingsSource(
  path: string,
  now: () => number,
  port: number,
): SettingsSource {
  return createCachedSettingsSource({
    load: () => loadSettingsFile(path, port),
    now,
    ttlMs: LOCAL_SETTINGS_TTL_MS,
    // Locally there is no SSM quota to protect: a rotated secret applies at once.
    minRefreshIntervalMs: 0,
  });
}

/** Why the file did not load, in words for the terminal (never a secret value). */
export function describeLoadProblem(error: unknown): string {
  if (errorCode(error) === 'ENOENT') {
    return 'the file does not exist (npm start creates it on first start)';
  }
  return error instanceof Error ? error.message : String(error);
}
