import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { parse } from 'yaml';

export const ROOT = join(__dirname, '..');
export const OUT = join(ROOT, 'bench', 'out');
const SERVERLESS_DIR = join(ROOT, '.serverless');
/** What the packaged zips are built from; a zip older than any of them is rebuilt. */
const SOURCES = ['functions', 'lib', 'serverless.yml', 'package.json', 'package-lock.json'];

export interface Artifacts {
  /** Where jobs, logs and unzipped bundles go. */
  outDir: string;
  /** The webhook handler as Lambda loads it (functions/webhook.js). */
  webhookBundle: string;
  referenceBundle: string;
  coldRunner: string;
  warmRunner: string;
  zipBytes: { webhook: number; health: number; reference: number };
}

export interface ArtifactOptions {
  outDir: string;
  /**
   * 'packaged' (the benchmark): the zips of `serverless package`, rebuilt when older than the
   * sources. 'source' (the harness test): the webhook bundled straight from the sources with
   * the same esbuild options, so a test never rewrites .serverless/ under another one.
   */
  webhook: 'packaged' | 'source';
  log: (line: string) => void;
}

/** Everything the benchmark runs, built from the current sources. */
export async function prepareArtifacts(options: ArtifactOptions): Promise<Artifacts> {
  const { outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const referenceBundle = join(outDir, 'reference', 'functions', 'relay.js');
  const [webhook, coldRunner, warmRunner] = await Promise.all([
    options.webhook === 'packaged'
      ? unzipPackagedWebhook(outDir, options.log)
      : bundleWebhook(outDir),
    buildRunner(outDir, 'cold'),
    buildRunner(outDir, 'warm'),
    bundle(join(ROOT, 'bench', 'reference', 'relay.ts'), referenceBundle),
  ]);
  return {
    outDir,
    webhookBundle: webhook.bundle,
    referenceBundle,
    coldRunner,
    warmRunner,
    zipBytes: { ...webhook.zipBytes, reference: zipFile(referenceBundle, 'relay.js') },
  };
}

async function unzipPackagedWebhook(outDir: string, log: (line: string) => void) {
  ensurePackaged(log);
  const dir = join(outDir, 'packaged', 'webhook');
  rmSync(dir, { recursive: true, force: true });
  execFileSync('python3', ['-m', 'zipfile', '-e', join(SERVERLESS_DIR, 'webhook.zip'), dir]);
  const size = (name: string) => statSync(join(SERVERLESS_DIR, name)).size;
  return {
    bundle: join(dir, 'functions', 'webhook.js'),
    zipBytes: { webhook: size('webhook.zip'), health: size('health.zip') },
  };
}

async function bundleWebhook(outDir: string) {
  const bundled = (name: string) => join(outDir, 'source', name, 'functions', `${name}.js`);
  await Promise.all(
    ['webhook', 'health'].map((name) =>
      bundle(join(ROOT, 'functions', `${name}.ts`), bundled(name)),
    ),
  );
  return {
    bundle: bundled('webhook'),
    zipBytes: {
      webhook: zipFile(bundled('webhook'), 'functions/webhook.js'),
      health: zipFile(bundled('health'), 'functions/health.js'),
    },
  };
}

/** Runs `serverless package` when a zip is missing or older than its sources. */
function ensurePackaged(log: (line: string) => void): void {
  const zips = ['webhook.zip', 'health.zip'].map((name) => join(SERVERLESS_DIR, name));
  const newestSource = Math.max(...SOURCES.map((path) => newestMtime(join(ROOT, path))));
  const fresh = zips.every((zip) => existsSync(zip) && statSync(zip).mtimeMs >= newestSource);
  if (fresh) return;
  log('packaging: npx serverless package --stage bench');
  try {
    execFileSync('npx', ['serverless', 'package', '--stage', 'bench'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`serverless package failed:\n${stdout}${stderr}`.slice(-4000), {
      cause: error,
    });
  }
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** serverless-esbuild's option names that are not esbuild's (dist/bundle.js drops the same). */
const PLUGIN_ONLY = new Set([
  'concurrency',
  'zipConcurrency',
  'exclude',
  'nativeZip',
  'packager',
  'packagePath',
  'watch',
  'keepOutputDirectory',
  'packagerOptions',
  'installExtraArgs',
  'outputFileExtension',
  'outputBuildFolder',
  'outputWorkFolder',
  'nodeExternals',
  'skipBuild',
  'skipRebuild',
  'skipBuildExcludeFns',
  'stripEntryResolveExtensions',
  'disposeContext',
  'config',
]);

/**
 * The esbuild options serverless-esbuild derives from serverless.yml: its defaults, then the
 * runtime's target, then `custom.esbuild`, with `exclude` made external. The reference relay is
 * bundled with these, so it is bundled exactly as the project's functions are.
 */
export function serverlessEsbuildOptions(): BuildOptions {
  const manifest = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
    provider: { runtime: string };
    custom?: { esbuild?: Record<string, unknown> };
  };
  const custom = manifest.custom?.esbuild ?? {};
  const runtimeTarget = /^nodejs(\d+)\.x$/.exec(manifest.provider.runtime)?.[1];
  const options: Record<string, unknown> = {
    bundle: true,
    platform: 'node',
    target: runtimeTarget ? `node${runtimeTarget}` : 'node18',
  };
  for (const [key, value] of Object.entries(custom)) {
    if (!PLUGIN_ONLY.has(key)) options[key] = value;
  }
  const exclude = Array.isArray(custom.exclude) ? (custom.exclude as string[]) : ['aws-sdk'];
  const external = Array.isArray(custom.external) ? (custom.external as string[]) : [];
  options.external = exclude.includes('*') ? external : [...external, ...exclude];
  return { ...(options as BuildOptions), logLevel: 'error' };
}

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({ ...serverlessEsbuildOptions(), entryPoints: [entry], outfile });
}

/** The child runners, plain CommonJS for `node` (no loader in the measured processes). */
async function buildRunner(outDir: string, name: string): Promise<string> {
  const outfile = join(outDir, 'child', `${name}.js`);
  await build({
    entryPoints: [join(ROOT, 'bench', 'child', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

/** The size of a zip holding this one file, deflated as serverless-esbuild's archiver does. */
function zipFile(file: string, name: string): number {
  const zip = `${file}.zip`;
  const script =
    'import sys, zipfile\n' +
    'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z: z.write(sys.argv[1], sys.argv[3])';
  execFileSync('python3', ['-c', script, file, zip, name]);
  return statSync(zip).size;
}
