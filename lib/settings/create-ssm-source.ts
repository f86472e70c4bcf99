import { buildSettings } from './build-settings';
import { createCachedSettingsSource, type CachedSettingsSourceDeps } from './create-cached-source';
import { loadParametersFrom, type ReadParametersPage } from './load-parameters-from';
import type { SettingsSource } from './source';

/**
 * Production settings: every parameter under `path` in one read, validated, cached. Pages come
 * from `readPage`: createSsmPageReader in the Lambda functions, readPagesWithSdk(client) elsewhere.
 */
export function createSsmSettingsSource(deps: {
  readPage: ReadParametersPage;
  path: string;
  now: () => number;
  ttlMs: number;
  minRefreshIntervalMs?: number;
  onStale?: CachedSettingsSourceDeps['onStale'];
}): SettingsSource & { prime(): void } {
  return createCachedSettingsSource({
    load: async () => buildSettings(await loadParametersFrom(deps.readPage, deps.path)),
    now: deps.now,
    ttlMs: deps.ttlMs,
    minRefreshIntervalMs: deps.minRefreshIntervalMs,
    onStale: deps.onStale,
  });
}
