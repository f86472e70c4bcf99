import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { parse } from 'yaml';
import { packagedStack } from '../test/package/stack';

export const ROOT = join(__dirname, '..');
export const OUT = join(ROOT, 'bench', 'out');

export interface Artifacts {
  /** Where jobs, logs and unzipped bundles go. */
  outDir: string;
  /** The webhook handler as Lambda loads it (functions/webhook.js). */
  webhookBundle: string;
  /** The deliver handler as Lambda loads it (functions/deliver.js). */
  deliverBundle: string;
  referenceBundle: string;
  /** The hand-rolled consumer on the SDK clients (bench/reference/consumer.ts). */
  referenceConsumerBundle: string;
  coldRunner: string;
  warmRunner: string;
  zipBytes: {
    webhook: number;
    health: number;
    deliver: number;
    reference: number;
    referenceConsumer: number;
  };
  /**
   * The webhook and deliver functions bundled from the sources with the same options, once
   * with 'liquidjs' replaced by an empty module (what the templates feature adds to a zip,
   * and a cold start whose lazy import never runs) and once as they are (the same build with
   * liquidjs, to tell the engine's bytes from any difference between packaging and esbuild).
   */
  withoutLiquidjs: FeatureBuild;
  sourceWithLiquidjs: FeatureBuild;
}

export interface FeatureBuild {
  webhookBundle: string;
  deliverBundle: string;
  zipBytes: { webhook: number; deliver: number };
}

export interface ArtifactOptions {
  outDir: string;
  /**
   * 'packaged' (the benchmark): the zips of `serverless package`, rebuilt when older than the
   * sources. 'source' (the harness test): the functions bundled straight from the sources with
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
  const referenceConsumerBundle = join(outDir, 'reference', 'functions', 'consumer.js');
  const [functions, coldRunner, warmRunner, withoutLiquidjs, sourceWithLiquidjs] =
    await Promise.all([
      options.webhook === 'packaged' ? unzipPackaged(outDir, options.log) : bundleFunctions(outDir),
      buildRunner(outDir, 'cold'),
      buildRunner(outDir, 'warm'),
      featureBuild(join(outDir, 'without-liquidjs'), [WITHOUT_LIQUIDJS]),
      featureBuild(join(outDir, 'with-liquidjs'), []),
      bundle(join(ROOT, 'bench', 'reference', 'relay.ts'), referenceBundle),
      bundle(join(ROOT, 'bench', 'reference', 'consumer.ts'), referenceConsumerBundle),
    ]);
  return {
    outDir,
    webhookBundle: functions.bundles.webhook,
    deliverBundle: functions.bundles.deliver,
    referenceBundle,
    referenceConsumerBundle,
    coldRunner,
    warmRunner,
    zipBytes: {
      ...functions.zipBytes,
      reference: zipFile(referenceBundle, 'relay.js'),
      referenceConsumer: zipFile(referenceConsumerBundle, 'consumer.js'),
    },
    withoutLiquidjs,
    sourceWithLiquidjs,
  };
}

/** 'liquidjs' as an empty module: the bundle keeps every line of the project, not the engine. */
const WITHOUT_LIQUIDJS: Plugin = {
  name: 'without-liquidjs',
  setup(builder) {
    builder.onResolve({ filter: /^liquidjs$/ }, () => ({ path: 'liquidjs', namespace: 'empty' }));
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/** The webhook and deliver functions bundled from the sources, with these plugins. */
async function featureBuild(dir: string, plugins: Plugin[]): Promise<FeatureBuild> {
  const bundled = (name: FunctionName) => join(dir, name, 'functions', `${name}.js`);
  const names = ['webhook', 'deliver'] as const;
  await Promise.all(
    names.map((name) => bundle(join(ROOT, 'functions', `${name}.ts`), bundled(name), plugins)),
  );
  const size = (name: FunctionName) => zipFile(bundled(name), `functions/${name}.js`);
  return {
    webhookBundle: bundled('webhook'),
    deliverBundle: bundled('deliver'),
    zipBytes: { webhook: size('webhook'), deliver: size('deliver') },
  };
}

const FUNCTIONS = ['webhook', 'health', 'deliver'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

/**
 * The zips of `serverless package` in .serverless/, packaged first (offline, no credentials,
 * under the package tests' lock) when missing or older than the sources.
 */
async function unzipPackaged(outDir: string, log: (line: string) => void) {
  log('packaged zips: .serverless/ (packaged again when older than the sources)');
  const packaged = await packagedStack();
  const unzip = (name: FunctionName) => {
    const dir = join(outDir, 'packaged', name);
    rmSync(dir, { recursive: true, force: true });
    execFileSync('python3', ['-m', 'zipfile', '-e', join(packaged.dir, `${name}.zip`), dir]);
    return join(dir, 'functions', `${name}.js`);
  };
  const size = (name: FunctionName) => statSync(join(packaged.dir, `${name}.zip`)).size;
  return {
    bundles: { webhook: unzip('webhook'), deliver: unzip('deliver') },
    zipBytes: { webhook: size('webhook'), health: size('health'), deliver: size('deliver') },
  };
}

async function bundleFunctions(outDir: string) {
  const bundled = (name: FunctionName) => join(outDir, 'source', name, 'functions', `${name}.js`);
  await Promise.all(
    FUNCTIONS.map((name) => bundle(join(ROOT, 'functions', `${name}.ts`), bundled(name))),
  );
  const size = (name: FunctionName) => zipFile(bundled(name), `functions/${name}.js`);
  return {
    bundles: { webhook: bundled('webhook'), deliver: bundled('deliver') },
    zipBytes: { webhook: size('webhook'), health: size('health'), deliver: size('deliver') },
  };
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
  // CloudFormation's tags (!Ref, !GetAtt, !Sub…) are left unresolved: only provider and custom
  // are read here, and they hold none.
  const manifest = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), {
    logLevel: 'error',
  }) as {
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

async function bundle(entry: string, outfile: string, plugins: Plugin[] = []): Promise<void> {
  await build({ ...serverlessEsbuildOptions(), entryPoints: [entry], outfile, plugins });
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

/** The size of a zip holding this one file at deflate level 9, as the packaged zips are. */
function zipFile(file: string, name: string): number {
  const zip = `${file}.zip`;
  const script =
    'import sys, zipfile\n' +
    'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:\n' +
    '  z.write(sys.argv[1], sys.argv[3])';
  execFileSync('python3', ['-c', script, file, zip, name]);
  return statSync(zip).size;
}
