import type { Artifacts } from './artifacts';
import { runColdChild, runWarmChild } from './children';
import type { ColdJob, ColdResult, WarmJob } from './child/protocol';
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

/** One handler to cold-start: its bundle, extra environment, event and proof of work. */
export interface ColdSubject {
  bundle: string;
  env?: NodeJS.ProcessEnv;
  /** The first event of this run (a fresh one each time). */
  event(): ColdJob['event'] | Promise<ColdJob['event']>;
  /** Throws unless the answer (and the fakes) show the work was done. */
  check(result: ColdResult): void | Promise<void>;
  /** After the run, e.g. what the event source mapping deletes. */
  after?(event: ColdJob['event']): void | Promise<void>;
}

function emptyCold(): ColdSeries {
  return {
    coldStartMs: [],
    requireMs: [],
    sinceProcessStartMs: [],
    ssmCalls: [],
    ssmRequestAtMs: [],
    maxRssKb: [],
  };
}

/**
 * Cold starts of several subjects, interleaved (and in alternating order) so all share the
 * machine's noise; one discarded run of each first warms the disk cache.
 */
export async function measureColdSeries<Name extends string>(
  artifacts: Artifacts,
  fakes: BenchFakes,
  subjects: Record<Name, ColdSubject>,
  runs: number,
): Promise<Record<Name, ColdSeries>> {
  const names = Object.keys(subjects) as Name[];
  const series = Object.fromEntries(names.map((name) => [name, emptyCold()])) as Record<
    Name,
    ColdSeries
  >;
  for (let run = -1; run < runs; run += 1) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) {
      const subject = subjects[name];
      const event = await subject.event();
      const job = { bundle: subject.bundle, event };
      const cold = await runColdChild(artifacts, fakes, job, name, subject.env);
      await subject.check(cold.result);
      await subject.after?.(event);
      if (run < 0) continue;
      const s = series[name];
      s.coldStartMs.push(cold.result.coldStartMs);
      s.requireMs.push(cold.result.requireMs);
      s.sinceProcessStartMs.push(cold.result.loadStartMs + cold.result.coldStartMs);
      s.ssmCalls.push(cold.ssmCalls);
      if (cold.ssmRequestAtMs !== null) s.ssmRequestAtMs.push(cold.ssmRequestAtMs);
      s.maxRssKb.push(cold.result.maxRssKb);
    }
  }
  return series;
}

/** A direct-mode webhook subject: a signed push, answered 200 delivered. */
export function webhookSubject(name: string, bundle: string): ColdSubject {
  const body = readPushBody();
  return {
    bundle,
    event: () => signedPushEvent(body, GITEE_SECRET, Date.now()),
    check: (result) => checkAnswer(name, result.answer),
  };
}

/** Cold starts of the project's webhook (direct mode) and the reference relay. */
export async function measureColdStarts(
  artifacts: Artifacts,
  fakes: BenchFakes,
  runs: number,
): Promise<Record<BundleName, ColdSeries>> {
  return measureColdSeries(
    artifacts,
    fakes,
    {
      project: webhookSubject('project', bundles(artifacts).project),
      reference: webhookSubject('reference', bundles(artifacts).reference),
    },
    runs,
  );
}

/** One handler to run warm: a bundle or a floor, its extra environment and expected status. */
export interface WarmSubject {
  subject: WarmJob['subject'];
  env?: NodeJS.ProcessEnv;
  expectStatus?: number;
  /** Throws unless the robots' messages of this run show the work was done as meant. */
  check?(fakes: BenchFakes): void;
}

/** Warm runs of several subjects, in rounds with rotating order. */
export async function measureWarmSubjects<Name extends string>(
  artifacts: Artifacts,
  fakes: BenchFakes,
  subjects: Record<Name, WarmSubject>,
  sizes: WarmSizes,
): Promise<Record<Name, WarmSeries>> {
  const names = Object.keys(subjects) as Name[];
  const series = Object.fromEntries(names.map((name) => [name, emptyWarm()])) as Record<
    Name,
    WarmSeries
  >;
  const per = (total: number) => Math.max(1, Math.round(total / sizes.rounds));
  for (let round = 0; round < sizes.rounds; round += 1) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) {
      const { subject, env, expectStatus, check } = subjects[name];
      const job: WarmJob = {
        subject,
        expectStatus,
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
      const { result, ssmCalls } = await runWarmChild(artifacts, fakes, job, name, env);
      if (result.failures > 0) {
        const first = JSON.stringify(result.firstFailure);
        throw new Error(`${name}: ${result.failures} warm invocations failed; first: ${first}`);
      }
      check?.(fakes);
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

/** Warm runs of the project (direct mode), the reference and the floor. */
export async function measureWarm(
  artifacts: Artifacts,
  fakes: BenchFakes,
  sizes: WarmSizes,
): Promise<Record<SubjectName, WarmSeries>> {
  const floorRobots = ROBOTS.map((robot) => ({
    url: fakes.robotUrl(robot),
    secret: robot.secret,
    keyword: robot.keywords[0] ?? null,
  }));
  const subjects: Record<SubjectName, WarmSubject> = {
    project: { subject: { kind: 'bundle', bundle: bundles(artifacts).project } },
    reference: { subject: { kind: 'bundle', bundle: bundles(artifacts).reference } },
    floor: { subject: { kind: 'floor', robots: floorRobots } },
  };
  return measureWarmSubjects(artifacts, fakes, subjects, sizes);
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
