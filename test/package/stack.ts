import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * `serverless package` for the package tests, as CI runs it: offline, with no AWS variable in
 * the environment and a HOME without ~/.aws, so a test passes only if packaging needs no
 * credentials. Runs are serialised across jest workers by a lock, because serverless-esbuild
 * builds in the project's own .esbuild folder whatever `--package` says.
 */
export const ROOT = join(__dirname, '..', '..');
export const SERVERLESS_DIR = join(ROOT, '.serverless');
export type FunctionName = 'webhook' | 'health' | 'deliver';

/** What the zips are built from; a package older than any of them is made again. */
const SOURCES = ['functions', 'lib', 'serverless.yml', 'package.json', 'package-lock.json'];
const LOCK = join(
  tmpdir(),
  `gitee-dingtalk-package-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
);
/** A lock older than this is a crashed run's (packaging takes well under a minute). */
const STALE_LOCK_MS = 5 * 60 * 1000;

export interface Packaged {
  /** The folder holding the zips and cloudformation-template-update-stack.json. */
  dir: string;
  stage: string;
}

/**
 * The project's .serverless folder, packaged when missing or older than the sources (CI
 * packages with `--stage ci` first; locally `--stage test` is made here).
 */
export async function packagedStack(): Promise<Packaged> {
  // Fresh already (as after CI's package step): nobody rewrites it, so no need to wait for a
  // variant another test is packaging under the lock.
  if (isFresh(SERVERLESS_DIR)) return { dir: SERVERLESS_DIR, stage: packagedStage(SERVERLESS_DIR) };
  return withLock(async () => {
    if (!isFresh(SERVERLESS_DIR)) await runPackage(['--stage', 'test']);
    return { dir: SERVERLESS_DIR, stage: packagedStage(SERVERLESS_DIR) };
  });
}

/** A package of its own in a fresh temporary folder, with these `--param`s. */
export async function packageVariant(
  stage: string,
  params: Record<string, string>,
): Promise<Packaged> {
  const dir = mkdtempSync(join(tmpdir(), 'stack-variant-'));
  const paramArgs = Object.entries(params).flatMap(([name, value]) => [
    '--param',
    `${name}=${value}`,
  ]);
  await withLock(() => runPackage(['--stage', stage, '--package', dir, ...paramArgs]));
  return { dir, stage };
}

/** The zip of one function unzipped into a fresh temporary folder (remove it when done). */
export function unzipFunction(packaged: Packaged, name: FunctionName): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-zip-`));
  // python3's zipfile, as bench/artifacts.ts does: no unzip binary needed.
  execFileSync('python3', ['-m', 'zipfile', '-e', join(packaged.dir, `${name}.zip`), dir]);
  return dir;
}

async function runPackage(args: string[]): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'package-home-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  try {
    await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'serverless'),
      ['package', ...args],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 180_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `serverless package ${args.join(' ')} failed:\n${stdout}${stderr}`.slice(-4000),
      {
        cause: error,
      },
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function isFresh(dir: string): boolean {
  const state = join(dir, 'serverless-state.json');
  const template = join(dir, 'cloudformation-template-update-stack.json');
  if (!existsSync(state) || !existsSync(template)) return false;
  // Every function the last package had, so a function added since makes it stale too.
  const zips = Object.keys(readState(dir).service.functions).map((name) =>
    join(dir, `${name}.zip`),
  );
  const made = [state, template, ...zips];
  if (!made.every((file) => existsSync(file))) return false;
  const newestSource = Math.max(...SOURCES.map((path) => newestMtime(join(ROOT, path))));
  return made.every((file) => statSync(file).mtimeMs >= newestSource);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

interface State {
  service: { provider: { stage: string }; functions: Record<string, unknown> };
}

function readState(dir: string): State {
  return JSON.parse(readFileSync(join(dir, 'serverless-state.json'), 'utf8')) as State;
}

function packagedStage(dir: string): string {
  return readState(dir).service.provider.stage;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - lockTime() > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function lockTime(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}
