import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, prepareArtifacts, type Artifacts } from '../../bench/artifacts';
import { runColdChild } from '../../bench/children';
import { startBenchFakes, type BenchFakes } from '../../bench/fakes';
import { signedPushEvent } from '../../bench/gitee-event';
import {
  checkTemplatedMessages,
  measureTemplateColdStarts,
  measureTemplateWarm,
} from '../../bench/measure-templates';
import { buildTemplateResults } from '../../bench/template-results';
import { GITEE_SECRET, readPushBody, ROBOTS, TEMPLATE_STAGE_PATH } from '../../bench/scenario';

/**
 * The template benchmark's pieces in a minimal run (issue 12, "Benchmark"): the templated
 * stage really renders the template, the build without liquidjs really has no engine and
 * still relays, and the results carry every field and target. No assertion on any time.
 */
const OUT_DIR = join(OUT, 'template-harness-test');
const SIZES = { rounds: 1, warmup: 2, sequential: 4, concurrent: 4, concurrency: 2 };

let artifacts: Artifacts;
let fakes: BenchFakes;

beforeAll(async () => {
  artifacts = await prepareArtifacts({ outDir: OUT_DIR, webhook: 'source', log: () => {} });
  fakes = await startBenchFakes();
}, 120_000);

afterAll(async () => {
  await fakes?.close();
  rmSync(OUT_DIR, { recursive: true, force: true });
});

describe('the template benchmark', () => {
  it('bundles the functions without the engine, and otherwise as the sources are', () => {
    const without = readFileSync(artifacts.withoutLiquidjs.webhookBundle, 'utf8');
    const withEngine = readFileSync(artifacts.sourceWithLiquidjs.webhookBundle, 'utf8');
    // A message only liquidjs itself writes (booleans: a failure must not print the bundle).
    const marker = 'readFile not implemented';
    expect(withEngine.includes(marker)).toBe(true);
    expect(without.includes(marker)).toBe(false);
    expect(artifacts.withoutLiquidjs.zipBytes.webhook).toBeLessThan(
      artifacts.sourceWithLiquidjs.zipBytes.webhook,
    );
    expect(artifacts.withoutLiquidjs.zipBytes.deliver).toBeLessThan(
      artifacts.sourceWithLiquidjs.zipBytes.deliver,
    );
  });

  it('tells a templated delivery from a built-in one', async () => {
    fakes.robots.reset();
    const event = signedPushEvent(readPushBody(), GITEE_SECRET, Date.now());
    await runColdChild(artifacts, fakes, { bundle: artifacts.webhookBundle, event }, 'plain');
    expect(() => checkTemplatedMessages(fakes)).toThrow(/no templated message/);
    fakes.robots.reset();
    await runColdChild(
      artifacts,
      fakes,
      {
        bundle: artifacts.webhookBundle,
        event: signedPushEvent(readPushBody(), GITEE_SECRET, Date.now()),
      },
      'templated',
      { SETTINGS_SSM_PATH: TEMPLATE_STAGE_PATH },
    );
    expect(() => checkTemplatedMessages(fakes)).not.toThrow();
  }, 60_000);

  it('measures the three cold starts and both warm runs, every event delivered', async () => {
    const cold = await measureTemplateColdStarts(artifacts, fakes, 1);
    for (const series of Object.values(cold)) {
      expect(series.coldStartMs).toHaveLength(1);
      expect(series.requireMs).toHaveLength(1);
      expect(series.ssmCalls).toEqual([1]);
    }
    const warm = await measureTemplateWarm(artifacts, fakes, SIZES);
    const invocations = SIZES.warmup + SIZES.sequential + SIZES.concurrent;
    for (const series of Object.values(warm)) {
      expect(series.latencies).toHaveLength(SIZES.sequential);
      expect(series.robotAccepted).toBe(invocations * ROBOTS.length);
      expect(series.ssmCalls).toBe(0);
    }
    const results = buildTemplateResults({ artifacts, cold, warm });
    expect(Object.keys(results.targets).sort()).toEqual([
      'deliverZipGrowthAtMost30KB',
      'noTemplateRequireWithin3msOfWithoutLiquidjs',
      'oneTemplateColdStartWithin25msOfBuiltin',
      'webhookZipGrowthAtMost30KB',
    ]);
    expect(results.zipGrowthBytes.webhook).toBe(
      artifacts.zipBytes.webhook - artifacts.withoutLiquidjs.zipBytes.webhook,
    );
    expect(results.templateColdStartMs).toBe(results.detail.cold.template.coldStartMs);
    expect(results.detail.cold.builtin.firstEventMs).toBeCloseTo(
      cold.builtin.coldStartMs[0]! - cold.builtin.requireMs[0]!,
      1,
    );
  }, 120_000);
});
