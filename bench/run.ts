/**
 * `npm run bench` (about five minutes) and `npm run bench -- --quick` (about a minute):
 * cold starts, warm latency and throughput of the packaged webhook function against a
 * hand-rolled reference relay and the floor, all on loopback fakes, and the formatter's worst
 * case on an adversarial corpus. Queue mode beside it (issue 11): the same webhook queueing to
 * the fake SQS with its replay record in dynalite against the queue floor, the deliver function's
 * cold start against a hand-rolled consumer on the SDK clients, and the simulation of 300 events
 * a minute to one robot (skipped by --quick). Templates (issue 12): the packaged webhook with
 * one template against none and against a build without liquidjs, cold and warm, and what the
 * engine adds to the zips. Writes bench/results.json.
 * `--profile` also writes a CPU profile of every child to bench/out/profiles (slower figures,
 * kept out of bench/results.json). `--format-only` prints the formatter's figure alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, prepareArtifacts, ROOT } from './artifacts';
import { childNodeArgs } from './children';
import { startBenchFakes } from './fakes';
import { measureWorstFormat } from './format-worst';
import { measureWarm, type WarmSizes } from './measure';
import {
  measureConsumerColdStarts,
  measureQueueWarm,
  measureWebhookColdStarts,
} from './measure-queue';
import { startQueueFakes } from './queue-fakes';
import { buildQueueResults, withQueueResults } from './queue-results';
import { buildResults } from './results';
import { runSimulation } from './simulation';
import { formatTable } from './table';
import { measureTemplateColdStarts, measureTemplateWarm } from './measure-templates';
import { buildTemplateResults, withTemplateResults } from './template-results';

type Sizes = WarmSizes & { coldRuns: number; formatRepeats: number };

const FULL: Sizes = {
  coldRuns: 25,
  formatRepeats: 5,
  rounds: 3,
  warmup: 200,
  sequential: 3000,
  concurrent: 6000,
  concurrency: 16,
};
const QUICK: Sizes = {
  coldRuns: 5,
  formatRepeats: 1,
  rounds: 1,
  warmup: 100,
  sequential: 500,
  concurrent: 1000,
  concurrency: 16,
};

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? QUICK : FULL;
  const log = (line: string) => console.log(line);
  log(`format: every adversarial event, each msgtype ${sizes.formatRepeats} time(s)`);
  const format = measureWorstFormat({ repeats: sizes.formatRepeats }, log);
  if (process.argv.includes('--format-only')) {
    log(`\nworstFormatMs ${format.worstFormatMs}: ${format.worstEvent}\n${JSON.stringify(format)}`);
    return;
  }
  if (process.argv.includes('--profile')) {
    // CPU profiles of every child, for finding where the time goes; the figures are then slower.
    childNodeArgs.push('--cpu-prof', '--cpu-prof-dir', join(OUT, 'profiles'));
  }
  const artifacts = await prepareArtifacts({ outDir: OUT, webhook: 'packaged', log });
  const fakes = await startBenchFakes();
  const queue = await startQueueFakes();
  try {
    log(`cold starts: ${sizes.coldRuns} of each webhook (direct, reference, queue), interleaved`);
    const webhookCold = await measureWebhookColdStarts(artifacts, fakes, queue, sizes.coldRuns);
    log(`cold starts: ${sizes.coldRuns} of deliver and the reference consumer, interleaved`);
    const consumerCold = await measureConsumerColdStarts(artifacts, fakes, queue, sizes.coldRuns);
    log(
      `cold starts: ${sizes.coldRuns} of the webhook with no template, without liquidjs and with one template, interleaved`,
    );
    const templateCold = await measureTemplateColdStarts(artifacts, fakes, sizes.coldRuns);
    log(
      `warm: ${sizes.rounds} round(s) of ${sizes.sequential} sequential + ${sizes.concurrent} concurrent events`,
    );
    const warm = await measureWarm(artifacts, fakes, sizes);
    log('warm, queue mode: the webhook and the queue floor');
    const queueWarm = await measureQueueWarm(artifacts, fakes, queue, sizes);
    log('warm, templates: the webhook with one template and with none');
    const templateWarm = await measureTemplateWarm(artifacts, fakes, sizes);
    log(quick ? 'simulation: skipped (--quick)' : 'simulation: 300 events a minute for 10 minutes');
    const simulation = quick ? null : await runSimulation();
    const base = buildResults({
      mode: quick ? 'quick' : 'full',
      artifacts,
      cold: { project: webhookCold.project, reference: webhookCold.reference },
      warm,
      format,
      sizes,
    });
    const results = withTemplateResults(
      withQueueResults(
        base,
        buildQueueResults({ artifacts, webhookCold, consumerCold, warm: queueWarm, simulation }),
      ),
      buildTemplateResults({ artifacts, cold: templateCold, warm: templateWarm }),
    );
    // Only a plain full run is the committed record; quick and profiled runs stay in bench/out.
    const profiled = childNodeArgs.length > 0;
    const name = profiled
      ? 'out/results.profile.json'
      : quick
        ? 'out/results.quick.json'
        : 'results.json';
    const file = join(ROOT, 'bench', name);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`\n${formatTable(results)}\n\nwritten: ${file}`);
  } finally {
    await Promise.all([fakes.close(), queue.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
