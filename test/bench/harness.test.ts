import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { OUT, prepareArtifacts, type Artifacts } from '../../bench/artifacts';
import { runColdChild } from '../../bench/children';
import { startBenchFakes, type BenchFakes } from '../../bench/fakes';
import { signedPushEvent } from '../../bench/gitee-event';
import { measureColdStarts, measureWarm } from '../../bench/measure';
import { buildResults } from '../../bench/results';
import { formatTable } from '../../bench/table';
import { GITEE_SECRET, readPushBody, ROBOTS } from '../../bench/scenario';

/**
 * The benchmark's pieces in a minimal run: they work, and what they measure is correct. No
 * assertion on any time: `npm run bench` is where figures come from.
 */
const OUT_DIR = join(OUT, 'harness-test');
const SIZES = { rounds: 1, warmup: 3, sequential: 6, concurrent: 8, concurrency: 4, coldRuns: 1 };

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

describe('the benchmark harness', () => {
  it('has the reference relay deliver a signed message with the keyword to every robot', async () => {
    fakes.robots.reset();
    const event = signedPushEvent(readPushBody(), GITEE_SECRET, Date.now());
    const { result, ssmCalls } = await runColdChild(
      artifacts,
      fakes,
      { bundle: artifacts.referenceBundle, event },
      'reference-check',
    );
    expect(result.answer.statusCode).toBe(200);
    expect(ssmCalls).toBe(1);
    // The emulator answers errcode 0 only to a valid signature, timestamp and keyword.
    const received = [...fakes.robots.received].sort((a, b) => a.robot.localeCompare(b.robot));
    expect(received.map(({ robot, errcode, msgtype }) => ({ robot, errcode, msgtype }))).toEqual([
      { robot: 'ops', errcode: 0, msgtype: 'markdown' },
      { robot: 'team', errcode: 0, msgtype: 'markdown' },
    ]);
  });

  it('measures cold starts of both bundles, each loading its settings once', async () => {
    const cold = await measureColdStarts(artifacts, fakes, 1);
    for (const series of [cold.project, cold.reference]) {
      expect(series.coldStartMs).toHaveLength(1);
      expect(series.ssmCalls).toEqual([1]);
      expect(series.ssmRequestAtMs).toHaveLength(1);
    }
  }, 60_000);

  it('measures warm runs with every event delivered and no SSM call', async () => {
    const warm = await measureWarm(artifacts, fakes, SIZES);
    const invocations = SIZES.warmup + SIZES.sequential + SIZES.concurrent;
    for (const series of Object.values(warm)) {
      expect(series.latencies).toHaveLength(SIZES.sequential);
      expect(series.invocations).toBe(SIZES.sequential + SIZES.concurrent);
      expect(series.robotAccepted).toBe(invocations * ROBOTS.length);
      expect(series.ssmCalls).toBe(0);
    }
    const cold = await measureColdStarts(artifacts, fakes, 1);
    const format = {
      worstFormatMs: 1,
      worstEvent: 'comment body',
      medianFormatMs: 0.5,
      pairs: 3,
      oversizedMessages: 0,
    };
    const results = buildResults({ mode: 'quick', artifacts, cold, warm, format, sizes: SIZES });
    expect(results.ssmCallsPerColdStart).toBe(1);
    expect(results.ssmCallsPerWarmInvocation).toBe(0);
    expect(results.targets.oneSsmCallPerColdStart).toBe(true);
    expect(formatTable(results)).toContain('cold start, median ms');
  }, 60_000);
});

describe('the robot emulator without its rate limit', () => {
  it('accepts more than 20 messages a minute from one robot', async () => {
    const robot = await startRobotEmulator({
      robots: [{ name: 'team', accessToken: 'token-team' }],
      enforceRateLimit: false,
    });
    try {
      const body = JSON.stringify({ msgtype: 'text', text: { content: 'Gitee' } });
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
      for (let i = 0; i < 25; i += 1) await (await fetch(robot.url('team'), init)).text();
      expect(robot.emulator.received.every((message) => message.errcode === 0)).toBe(true);
      expect(robot.emulator.received).toHaveLength(25);
    } finally {
      await robot.close();
    }
  });
});
