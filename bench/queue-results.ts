import type { Artifacts } from './artifacts';
import type { ColdSeries, WarmSeries } from './measure';
import type { ConsumerColdName, QueueWarmName, WebhookColdName } from './measure-queue';
import type { Results } from './results';
import { simulationTargets, type SimulationFigures } from './simulation';
import { median, percentile, round } from './stats';

const ZIP_LIMIT_BYTES = 150 * 1000;

export interface QueueMeasurements {
  artifacts: Artifacts;
  /** Direct, reference and queue webhooks, interleaved in one series. */
  webhookCold: Record<WebhookColdName, ColdSeries>;
  consumerCold: Record<ConsumerColdName, ColdSeries>;
  warm: Record<QueueWarmName, WarmSeries>;
  /** Null when the run skipped it (`--quick`). */
  simulation: SimulationFigures | null;
}

const coldMs = (s: ColdSeries) => round(median(s.coldStartMs), 1);
const p50 = (s: WarmSeries) => round(percentile(s.latencies, 50), 3);

export type QueueResults = ReturnType<typeof buildQueueResults>;

/**
 * The queue-mode fields of bench/results.json (issue 11, "Benchmark") and their targets.
 * The direct-to-queue ratio is taken within the interleaved webhook series, so both cold
 * starts come from the same minutes of the same machine.
 */
export function buildQueueResults(input: QueueMeasurements) {
  const { webhookCold, consumerCold, warm, simulation } = input;
  const direct = coldMs(webhookCold.project);
  const queueWebhookColdStartMs = coldMs(webhookCold.queue);
  const deliverColdStartMs = coldMs(consumerCold.deliver);
  const referenceDeliverColdStartMs = coldMs(consumerCold.referenceConsumer);
  const queueWebhookWarmP50Ms = p50(warm.queue);
  const queueFloorP50Ms = p50(warm.queueFloor);
  const ratios = {
    queueWebhookColdStartVsDirect: round(queueWebhookColdStartMs / direct, 3),
    queueWebhookWarmP50VsQueueFloor: round(queueWebhookWarmP50Ms / queueFloorP50Ms, 3),
    deliverColdStartVsReference: round(deliverColdStartMs / referenceDeliverColdStartMs, 3),
  };
  const { zipBytes } = input.artifacts;
  return {
    queueWebhookColdStartMs,
    queueWebhookWarmP50Ms,
    queueFloorP50Ms,
    deliverColdStartMs,
    referenceDeliverColdStartMs,
    zipBytes: { deliver: zipBytes.deliver },
    simulation,
    ratios,
    targets: {
      webhookZipAtMost150KB: zipBytes.webhook <= ZIP_LIMIT_BYTES,
      deliverZipAtMost150KB: zipBytes.deliver <= ZIP_LIMIT_BYTES,
      queueWebhookColdStartAtMost125xDirect: ratios.queueWebhookColdStartVsDirect <= 1.25,
      queueWebhookWarmP50AtMost13xQueueFloor: ratios.queueWebhookWarmP50VsQueueFloor <= 1.3,
      deliverColdStartAtMost07xReference: ratios.deliverColdStartVsReference <= 0.7,
      ...(simulation === null ? {} : simulationTargets(simulation)),
    },
    detail: {
      queueWebhook: { cold: coldFigures(webhookCold.queue), warm: warmFigures(warm.queue) },
      /** The direct-mode webhook's cold start in the same interleaved series. */
      directWebhookColdInQueueSeries: coldFigures(webhookCold.project),
      queueFloor: warmFigures(warm.queueFloor),
      deliver: coldFigures(consumerCold.deliver),
      referenceConsumer: {
        ...coldFigures(consumerCold.referenceConsumer),
        zipBytes: zipBytes.referenceConsumer,
      },
      scenario:
        'queue mode: the packaged webhook on the fake SQS (dev/queue/) and dynalite, its replay record in the table; deliver and the reference consumer handed one fresh record of the queued push for robot team, each run with a fresh pacing item',
    },
  };
}

/**
 * bench/results.json: the direct-mode record with the queue-mode fields beside its figures,
 * `zipBytes.deliver` beside the other zips, and the ratios, targets and details merged.
 */
export function withQueueResults(base: Results, queue: QueueResults) {
  const { ratios, targets, detail, ...figures } = base;
  const {
    ratios: queueRatios,
    targets: queueTargets,
    detail: queueDetail,
    ...queueFigures
  } = queue;
  const { zipBytes, ...queueFields } = queueFigures;
  return {
    ...figures,
    zipBytes: { ...figures.zipBytes, ...zipBytes },
    ...queueFields,
    ratios: { ...ratios, ...queueRatios },
    targets: { ...targets, ...queueTargets },
    detail: { ...detail, queue: queueDetail },
  };
}

export type FullResults = ReturnType<typeof withQueueResults>;

function coldFigures(s: ColdSeries) {
  return {
    coldStartMs: coldMs(s),
    requireMs: round(median(s.requireMs), 1),
    ssmCallsPerColdStart: round(s.ssmCalls.reduce((a, b) => a + b, 0) / s.ssmCalls.length, 2),
    peakRssMb: round(Math.max(...s.maxRssKb) / 1024, 1),
    samplesMs: s.coldStartMs.map((ms) => round(ms, 1)),
  };
}

function warmFigures(s: WarmSeries) {
  const perSecond = (phase: { events: number; elapsedMs: number }) =>
    round((phase.events / phase.elapsedMs) * 1000, 0);
  return {
    p50Ms: p50(s),
    p99Ms: round(percentile(s.latencies, 99), 3),
    eventsPerSecond: {
      sequential: perSecond(s.sequential),
      concurrent16: perSecond(s.concurrent),
    },
    ssmCallsPerWarmInvocation: round(s.ssmCalls / s.invocations, 4),
    peakRssMb: round(s.maxRssKb / 1024, 1),
  };
}
