import { cpus } from 'node:os';
import type { Artifacts } from './artifacts';
import type { FormatFigures } from './format-worst';
import type { BundleName, ColdSeries, SubjectName, WarmSeries, WarmSizes } from './measure';
import { median, percentile, round } from './stats';

const MB = 1024;

function perSecond(phase: { events: number; elapsedMs: number }): number {
  return round((phase.events / phase.elapsedMs) * 1000, 0);
}

function warmFigures(s: WarmSeries) {
  return {
    p50Ms: round(percentile(s.latencies, 50), 3),
    p99Ms: round(percentile(s.latencies, 99), 3),
    eventsPerSecond: { sequential: perSecond(s.sequential), concurrent16: perSecond(s.concurrent) },
    ssmCallsPerWarmInvocation: round(s.ssmCalls / s.invocations, 4),
    peakRssMb: round(s.maxRssKb / MB, 1),
    robotConnections: s.robotConnections,
    robotMessagesAccepted: s.robotAccepted,
  };
}

function coldFigures(s: ColdSeries) {
  return {
    coldStartMs: round(median(s.coldStartMs), 1),
    requireMs: round(median(s.requireMs), 1),
    sinceProcessStartMs: round(median(s.sinceProcessStartMs), 1),
    ssmRequestAtMs: s.ssmRequestAtMs.length > 0 ? round(median(s.ssmRequestAtMs), 1) : null,
    ssmCallsPerColdStart: round(s.ssmCalls.reduce((a, b) => a + b, 0) / s.ssmCalls.length, 2),
    ssmCallsPerColdStartMax: Math.max(...s.ssmCalls),
    peakRssMb: round(Math.max(...s.maxRssKb) / MB, 1),
    samplesMs: s.coldStartMs.map((ms) => round(ms, 1)),
  };
}

export type Results = ReturnType<typeof buildResults>;

/** bench/results.json: the contract's keys at the top level, details below them. */
export function buildResults(input: {
  mode: 'full' | 'quick';
  artifacts: Artifacts;
  cold: Record<BundleName, ColdSeries>;
  warm: Record<SubjectName, WarmSeries>;
  format: FormatFigures;
  sizes: WarmSizes & { coldRuns: number };
}) {
  const project = { cold: coldFigures(input.cold.project), warm: warmFigures(input.warm.project) };
  const reference = {
    cold: coldFigures(input.cold.reference),
    warm: warmFigures(input.warm.reference),
  };
  const floor = warmFigures(input.warm.floor);
  const zipBytes = {
    webhook: input.artifacts.zipBytes.webhook,
    health: input.artifacts.zipBytes.health,
  };
  const ratios = {
    coldStartVsReference: round(project.cold.coldStartMs / reference.cold.coldStartMs, 3),
    warmP50VsFloor: round(project.warm.p50Ms / floor.p50Ms, 3),
    warmP99VsFloor: round(project.warm.p99Ms / floor.p99Ms, 3),
    warmP50VsReference: round(project.warm.p50Ms / reference.warm.p50Ms, 3),
  };
  return {
    generatedAt: new Date().toISOString(),
    mode: input.mode,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    coldStartMs: project.cold.coldStartMs,
    referenceColdStartMs: reference.cold.coldStartMs,
    warmP50Ms: project.warm.p50Ms,
    warmP99Ms: project.warm.p99Ms,
    floorP50Ms: floor.p50Ms,
    floorP99Ms: floor.p99Ms,
    eventsPerSecond: project.warm.eventsPerSecond,
    zipBytes,
    ssmCallsPerColdStart: project.cold.ssmCallsPerColdStart,
    ssmCallsPerWarmInvocation: project.warm.ssmCallsPerWarmInvocation,
    peakRssMb: Math.max(project.cold.peakRssMb, project.warm.peakRssMb),
    worstFormatMs: input.format.worstFormatMs,
    ratios,
    targets: {
      coldStartAtMost07xReference: ratios.coldStartVsReference <= 0.7,
      warmP50AtMost13xFloor: ratios.warmP50VsFloor <= 1.3,
      oneSsmCallPerColdStart:
        project.cold.ssmCallsPerColdStart === 1 && project.cold.ssmCallsPerColdStartMax === 1,
      noSsmCallPerWarmInvocation: project.warm.ssmCallsPerWarmInvocation === 0,
      webhookZipUnder200KB: zipBytes.webhook < 200 * 1000,
      worstFormatUnder50Ms: input.format.worstFormatMs < 50,
    },
    detail: {
      project,
      reference: { ...reference, zipBytes: input.artifacts.zipBytes.reference },
      floor,
      format: input.format,
      sizes: input.sizes,
      scenario:
        'push-commits fixture, 2 signed robots (one with a keyword), YAML config, loopback fake SSM and robot emulator',
    },
  };
}
