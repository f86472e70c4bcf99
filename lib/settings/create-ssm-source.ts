import { createCachedSettingsSource, type CachedSettingsSourceDeps } from './create-cached-source';
import { loadParametersFrom, type ReadParametersPage } from './load-parameters-from';
import { loadSettings, type LoadSettingsOptions } from './load-settings';
import type { SettingsSource } from './source';

/**
 * Production settings: every parameter under `path` in one read, validated (templates too,
 * see loadSettings), cached. Pages come from `readPage`: createSsmPageReader in the Lambda
 * functions, readPagesWithSdk(client) elsewhere.
 */
export function createSsmSettingsSource(deps: {
  readPage: ReadParametersPage;
  path: string;
  now: () => number;
  ttlMs: number;
  minRefreshIntervalMs?: number;
  onStale?: CachedSettingsSourceDeps['onStale'];
  /** Told of template mistakes at each load (the function's log); see loadSettings. */
  onTemplateProblems?: LoadSettingsOptions['onTemplateProblems'];
}): SettingsSource & { prime(): void } {
  const options = { onTemplateProblems: deps.onTemplateProblems };
  return createCachedSettingsSource({
    load: async () => loadSettings(await loadParametersFrom(deps.readPage, deps.path), options),
    now: deps.now,
    ttlMs: deps.ttlMs,
    minRefreshIntervalMs: deps.minRefreshIntervalMs,
    onStale: deps.onStale,
  });
}
