import { join } from 'node:path';

/** Where `npm start` and `npm run send` look by default: everything relative to the project. */
export const PROJECT_ROOT = join(__dirname, '..');
export const DEFAULT_SETTINGS_PATH = join(PROJECT_ROOT, 'settings.local.yml');
export const EXAMPLE_SETTINGS_PATH = join(PROJECT_ROOT, 'settings.example.yml');
/** Real Gitee payloads live beside the project, never inside it (ARCHITECTURE.md). */
export const DEFAULT_FIXTURES_DIR = join(PROJECT_ROOT, '..', 'shared', 'fixtures', 'gitee');
export const PLAYGROUND_ASSETS_DIR = join(__dirname, 'playground');
export const DEFAULT_PORT = 3000;

/** PORT from the environment, or 3000; an unusable value is an error, not a silent default. */
export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), got "${raw}"`);
  }
  return port;
}
