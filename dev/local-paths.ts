import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** Where `npm start` and `npm run send` look by default: everything relative to the project. */
export const PROJECT_ROOT = join(__dirname, '..');
export const DEFAULT_SETTINGS_PATH = join(PROJECT_ROOT, 'settings.local.yml');
export const EXAMPLE_SETTINGS_PATH = join(PROJECT_ROOT, 'settings.example.yml');
export const PLAYGROUND_ASSETS_DIR = join(__dirname, 'playground');
export const DEFAULT_PORT = 3000;

/** Real Gitee captures live beside the project, never inside it (dev machines and CI only). */
export function sharedFixturesDir(projectRoot: string = PROJECT_ROOT): string {
  return join(projectRoot, '..', 'shared', 'fixtures', 'gitee');
}

/** Payloads written for this project, so that a fresh clone has samples too. */
export function bundledSamplesDir(projectRoot: string = PROJECT_ROOT): string {
  return join(projectRoot, 'dev', 'samples');
}

export interface SamplesDir {
  /** Absolute path of the folder whose `<name>.json` files are the samples. */
  dir: string;
  /** Why this folder: GITEE_SAMPLES_DIR, the real captures beside the project, or dev/samples. */
  source: 'env' | 'shared' | 'bundled';
}

/**
 * The one place that decides where the playground page and `npm run send` find samples:
 * GITEE_SAMPLES_DIR when set (relative to the folder npm was run from), else the real
 * captures in ../shared/fixtures/gitee when that folder exists, else dev/samples.
 * A GITEE_SAMPLES_DIR that is not a folder is an error, not a silent fallback.
 */
export function samplesDirFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  projectRoot: string = PROJECT_ROOT,
): SamplesDir {
  const override = env.GITEE_SAMPLES_DIR?.trim();
  if (override) {
    const dir = resolve(env.INIT_CWD ?? process.cwd(), override);
    if (!isFolder(dir)) throw new Error(`GITEE_SAMPLES_DIR is not a folder: ${dir}`);
    return { dir, source: 'env' };
  }
  const shared = sharedFixturesDir(projectRoot);
  if (isFolder(shared)) return { dir: shared, source: 'shared' };
  return { dir: bundledSamplesDir(projectRoot), source: 'bundled' };
}

/** "../shared/fixtures/gitee (real Gitee captures)", for the startup banner. */
export function describeSamplesDir(samples: SamplesDir, cwd: string = process.cwd()): string {
  const shown = relative(cwd, samples.dir);
  const path = shown === '' || isAbsolute(shown) ? samples.dir : shown;
  const why = {
    env: 'from GITEE_SAMPLES_DIR',
    shared: 'real Gitee captures',
    bundled: 'written for this project; ../shared/fixtures/gitee not found',
  }[samples.source];
  return `${path} (${why})`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

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
