import type { Settings } from './types';

/**
 * Where the handler gets its settings. The production source reads SSM once at cold start,
 * caches for a TTL and never caches a failure; tests and the local server pass their own.
 */
export interface SettingsSource {
  /** The current settings: cached, or loaded now. Throws SettingsError when they cannot load. */
  get(): Promise<Settings>;
  /**
   * Re-read now (a secret may have been rotated), unless the last read was under 10 seconds
   * ago; then the cached settings. Throws SettingsError when they cannot load.
   */
  refresh(): Promise<Settings>;
}
