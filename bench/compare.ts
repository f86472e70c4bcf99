/**
 * Before/after comparisons of one change: handler entry points bundled with the project's
 * esbuild options, cold-started interleaved, then run warm in interleaved rounds beside the
 * floor. For a change to the code, compare against another worktree:
 *
 *   git worktree add /tmp/before HEAD
 *   npx tsx bench/compare.ts /tmp/before/functions/webhook.ts functions/webhook.ts
 *
 * Packages resolve from this project's node_modules, so the other worktree needs no install.
 * Ratios are to the last entry. RUNS (cold starts per entry, default 15) and EVENTS
 * (sequential warm events per entry and round, default 1000) tune the run.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { OUT, prepareArtifacts, ROOT, serverlessEsbuildOptions, type Artifacts } from './artifacts';
import { runColdChild, runWarmChild } from './children';
import type { WarmJob } from './child/protocol';
import { startBenchFakes, type BenchFakes } from './fakes';
import { signedPushEvent } from './gitee-event';
import { GITEE_SECRET, readPushBody, ROBOTS } from './scenario';
import { median, percentile } from './stats';

const ROUNDS = 3;

async function bundleEntries(entries: string[], outDir: string): Promise<string[]> {
  const nodePaths = [join(ROOT, 'node_modules')];
  return Promise.all(
    entries.map(async (entry, i) => {
      const outfile = join(outDir, 'entries', String(i), 'functions', 'handler.js');
      await build({ ...serverlessEsbuildOptions(), entryPoints: [entry], outfile, nodePaths });
      return outfile;
    }),
  );
}

async function coldStarts(
  artifacts: Artifacts,
  fakes: BenchFakes,
  bundles: string[],
  runs: number,
) {
  const samples = bundles.map(() => ({ total: [] as number[], require: [] as number[] }));
  for (let run = -1; run < runs; run += 1) {
    for (let j = 0; j < bundles.length; j += 1) {
      const k = run % 2 === 0 ? j : bundles.length - 1 - j;
      const event = signedPushEvent(readPushBody(), GITEE_SECRET, Date.now());
      const job = { bundle: bundles[k]!, event };
      const { result } = await runColdChild(artifacts, fakes, job, `entry${k}`);
      if (result.answer.statusCode !== 200) {
        throw new Error(`entry ${k} answered ${result.answer.statusCode}: ${result.answer.body}`);
      }
      if (run < 0) continue;
      samples[k]!.total.push(result.coldStartMs);
      samples[k]!.require.push(result.requireMs);
    }
  }
  return samples;
}

/** Warm latencies of every entry and, last, of the floor. */
async function warmLatencies(artifacts: Artifacts, fakes: BenchFakes, bundles: string[]) {
  const subjects: WarmJob['subject'][] = [
    ...bundles.map((bundle) => ({ kind: 'bundle' as const, bundle })),
    {
      kind: 'floor',
      robots: ROBOTS.map((robot) => ({
        url: fakes.robotUrl(robot),
        secret: robot.secret,
        keyword: robot.keywords[0] ?? null,
      })),
    },
  ];
  const latencies = subjects.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let j = 0; j < subjects.length; j += 1) {
      const k = (j + round) % subjects.length;
      fakes.robots.reset();
      const job: WarmJob = {
        subject: subjects[k]!,
        body: readPushBody(),
        giteeSecret: GITEE_SECRET,
        firstTimestamp: Date.now() - 30 * 60 * 1000,
        warmup: 200,
        sequential: Number(process.env.EVENTS ?? 1000),
        concurrent: 0,
        concurrency: 1,
      };
      const { result } = await runWarmChild(artifacts, fakes, job, `entry${k}`);
      if (result.failures > 0) throw new Error(`entry ${k}: ${result.failures} failed`);
      latencies[k]!.push(...result.latencies);
    }
  }
  return latencies;
}

async function main(): Promise<void> {
  const entries = process.argv.slice(2).map((entry) => resolve(entry));
  if (entries.length === 0) throw new Error('usage: tsx bench/compare.ts <entry.ts>...');
  const outDir = join(OUT, 'compare');
  const artifacts = await prepareArtifacts({ outDir, webhook: 'source', log: console.log });
  const bundles = await bundleEntries(entries, outDir);
  const fakes = await startBenchFakes();
  try {
    const cold = await coldStarts(artifacts, fakes, bundles, Number(process.env.RUNS ?? 15));
    const warm = await warmLatencies(artifacts, fakes, bundles);
    const floorP50 = percentile(warm[warm.length - 1]!, 50);
    const lastCold = median(cold[cold.length - 1]!.total);
    console.log(`floor: warm p50 ${floorP50.toFixed(3)} ms`);
    entries.forEach((entry, k) => {
      const total = median(cold[k]!.total);
      const p50 = percentile(warm[k]!, 50);
      const line = [
        `cold ${total.toFixed(1)} ms (${(total / lastCold).toFixed(2)}x)`,
        `require ${median(cold[k]!.require).toFixed(1)} ms`,
        `warm p50 ${p50.toFixed(3)} ms (${(p50 / floorP50).toFixed(2)}x floor)`,
        `p99 ${percentile(warm[k]!, 99).toFixed(3)} ms`,
        `${(statSync(bundles[k]!).size / 1000).toFixed(0)} KB`,
        entry,
      ];
      console.log(line.join('  '));
    });
  } finally {
    await fakes.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
