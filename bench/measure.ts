import type { Artifacts } from './artifacts';
import { runColdChild, runWarmChild } from './children';
import type { ColdResult, WarmJob } from './child/protocol';
import type { BenchFakes } from './fakes';
import { signedPushEvent } from './gitee-event';
import { GITEE_SECRET, readPushBody, ROBOTS } from './scenario';

export type BundleName = 'project' | 'reference';
export type SubjectName = BundleName | 'floor';

export interface ColdSeries {
  coldStartMs: number[];
  requireMs: number[];
  /** From the process's start (Node's own boot included) to the first answer. */
  sinceProcessStartMs: number[];
  ssmCalls: number[];
  /** When the first SSM request reached the fake, ms after require() started. */
  ssmRequestAtMs: number[];
  maxRssKb: number[];
}

export interface WarmSeries {
  latencies: number[];
  sequential: { events: number; elapsedMs: number };
  concurrent: { events: number; elapsedMs: number };
  ssmCalls: number;
  /** Sequential and concurrent invocations the SSM calls are counted over. */
  invocations: number;
  maxRssKb: number;
  robotConnections: number;
  robotAccepted: number;
}

export interface WarmSizes {
  rounds: number;
  warmup: number;
  sequential: number;
  concurrent: number;
  concurrency: number;
}

function bundles(artifacts: Artifacts): Record<BundleName, string> {
  return { project: artifacts.webhookBundle, reference: artifacts.referenceBundle };
}

function checkAnswer(name: string, answer: ColdResult['answer']): void {
  if (answer.statusCode !== 200) {
    throw new Error(`${name} answered ${answer.statusCode} to its first event: ${answer.body}`);
  }
}

/**
 * Cold starts of both bundles, interleaved (and in alternating order) so both share the
 * machine's noise; one discarded run of each first warms the disk cache.
 */
export async function measureColdStarts(
  artifacts: Artifacts,
  fakes: BenchFakes,
  runs: number,
): Promise<Record<BundleName, ColdSeries>> {
  const body = readPushBody();
  const empty = (): ColdSeries => ({
    coldStartMs: [],
    requireMs: [],
    sinceProcessStartMs: [],
    ssmCalls: [],
    ssmRequestAtMs: [],
    maxRssKb: [],
  });
  const series: Record<BundleName, ColdSeries> = { project: empty(), reference: empty() };
  const names: BundleName[] = ['project', 'reference'];
  for (let run = -1; run < runs; run += 1) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) {
      const event = signedPushEvent(body, GITEE_SECRET, Date.now());
      const bundle = bundles(artifacts)[name];
      const { result, ssmCalls, ssmRequestAtMs } = await runColdChild(
        artifacts,
        fakes,
        { bundle, event },
        name,
      );
      checkAnswer(name, result.answer);
      if (run < 0) continue;
      const s = series[name];
      s.coldStartMs.push(result.coldStartMs);
      s.requireMs.push(result.requireMs);
      s.sinceProcessStartMs.push(result.loadStartMs + result.coldStartMs);
      s.ssmCalls.push(ssmCalls);
      if (ssmRequestAtMs !== null) s.ssmRequestAtMs.push(ssmRequestAtMs);
      s.maxRssKb.push(result.maxRssKb);
    }
  }
  return series;
}

/** Warm runs of the project, the reference and the floor, in rounds with rotating order. */
export async function measureWarm(
  artifacts: Artifacts,
  fakes: BenchFakes,
  sizes: WarmSizes,
): Promise<Record<SubjectName, WarmSeries>> {
  const names: SubjectName[] = ['project', 'reference', 'floor'];
  const series = Object.fromEntries(names.map((name) => [name, emptyWarm()])) as Record<
    SubjectName,
    WarmSeries
  >;
  const floorRobots = ROBOTS.map((robot) => ({
    url: fakes.robotUrl(robot),
    secret: robot.secret,
    keyword: robot.keywords[0] ?? null,
  }));
  const per = (total: number) => Math.max(1, Math.round(total / sizes.rounds));
  for (let round = 0; round < sizes.rounds; round += 1) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) {
      const job: WarmJob = {
        subject:
          name === 'floor'
            ? { kind: 'floor', robots: floorRobots }
            : { kind: 'bundle', bundle: bundles(artifacts)[name] },
        body: readPushBody(),
        giteeSecret: GITEE_SECRET,
        // Within Gitee's one-hour window, one millisecond apart: no two events look alike.
        firstTimestamp: Date.now() - 30 * 60 * 1000,
        warmup: sizes.warmup,
        sequential: per(sizes.sequential),
        concurrent: per(sizes.concurrent),
        concurrency: sizes.concurrency,
      };
      fakes.robots.reset();
      const connectionsBefore = fakes.robotConnections();
      const { result, ssmCalls } = await runWarmChild(artifacts, fakes, job, name);
      if (result.failures > 0) {
        const first = JSON.stringify(result.firstFailure);
        throw new Error(`${name}: ${result.failures} warm invocations failed; first: ${first}`);
      }
      const s = series[name];
      s.latencies.push(...result.latencies);
      s.sequential.events += job.sequential;
      s.sequential.elapsedMs += result.sequentialElapsedMs;
      s.concurrent.events += job.concurrent;
      s.concurrent.elapsedMs += result.concurrentElapsedMs;
      s.ssmCalls += ssmCalls;
      s.invocations += job.sequential + job.concurrent;
      s.maxRssKb = Math.max(s.maxRssKb, result.maxRssKb);
      s.robotConnections += fakes.robotConnections() - connectionsBefore;
      s.robotAccepted += fakes.robots.received.filter((r) => r.errcode === 0).length;
    }
  }
  return series;
}

function emptyWarm(): WarmSeries {
  return {
    latencies: [],
    sequential: { events: 0, elapsedMs: 0 },
    concurrent: { events: 0, elapsedMs: 0 },
    ssmCalls: 0,
    invocations: 0,
    maxRssKb: 0,
    robotConnections: 0,
    robotAccepted: 0,
  };
}
