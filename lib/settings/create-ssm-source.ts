import type { SSMClient } from '@aws-sdk/client-ssm';
import { buildSettings } from './build-settings';
import { createCachedSettingsSource } from './create-cached-source';
import { loadParameters } from './load-parameters';
import type { SettingsSource } from './source';

/** Production settings: every parameter under `path` in one read, validated, cached. */
export function createSsmSettingsSource(deps: {
  client: SSMClient;
  path: string;
  now: () => number;
  ttlMs: number;
  minRefreshIntervalMs?: number;
}): SettingsSource & { prime(): void } {
  return createCachedSettingsSource({
    load: async () => buildSettings(await loadParameters(deps.client, deps.path)),
    now: deps.now,
    ttlMs: deps.ttlMs,
    minRefreshIntervalMs: deps.minRefreshIntervalMs,
  });
}
