import type { Artifacts } from './artifacts';
import type { ColdSeries, WarmSeries } from './measure';
import type { TemplateColdName, TemplateWarmName } from './measure-templates';
import type { FullResults } from './queue-results';
import { median, percentile, round } from './stats';

/** Issue 12, "Benchmark": the targets, each against a figure of the same series. */
const REQUIRE_MARGIN_MS = 3;
const FIRST_EVENT_MARGIN_MS = 25;
const ZIP_GROWTH_LIMIT_BYTES = 30 * 1024;

export interface TemplateMeasurements {
  artifacts: Artifacts;
  /** Built-in, without liquidjs and templated webhooks, interleaved in one series. */
  cold: Record<TemplateColdName, ColdSeries>;
  warm: Record<TemplateWarmName, WarmSeries>;
}

/** Medians of one subject's cold starts: require(), the first event after it, and both. */
function coldFigures(s: ColdSeries) {
  const firstEvent = s.coldStartMs.map((total, index) => total - s.requireMs[index]!);
  return {
    requireMs: round(median(s.requireMs), 1),
    firstEventMs: round(median(firstEvent), 1),
    coldStartMs: round(median(s.coldStartMs), 1),
    runs: s.coldStartMs.length,
    ssmCallsPerColdStartMax: Math.max(...s.ssmCalls),
    peakRssMb: round(Math.max(...s.maxRssKb) / 1024, 1),
    samplesMs: s.coldStartMs.map((ms) => round(ms, 1)),
  };
}

function warmFigures(s: WarmSeries) {
  return {
    p50Ms: round(percentile(s.latencies, 50), 3),
    p99Ms: round(percentile(s.latencies, 99), 3),
    events: s.latencies.length,
    ssmCallsPerWarmInvocation: round(s.ssmCalls / s.invocations, 4),
    robotMessagesAccepted: s.robotAccepted,
  };
}

export type TemplateResults = ReturnType<typeof buildTemplateResults>;

/**
 * The template fields of bench/results.json. Cold: require() and require() plus the first
 * event (the cold start) are medians over the interleaved series, compared subject to
 * subject. Zips: the packaged zip minus the same function bundled with liquidjs emptied.
 */
export function buildTemplateResults(input: TemplateMeasurements) {
  const { artifacts } = input;
  const builtin = coldFigures(input.cold.builtin);
  const withoutLiquidjs = coldFigures(input.cold.withoutLiquidjs);
  const template = coldFigures(input.cold.template);
  const warm = {
    builtin: warmFigures(input.warm.builtin),
    template: warmFigures(input.warm.template),
  };
  const zipGrowthBytes = {
    webhook: artifacts.zipBytes.webhook - artifacts.withoutLiquidjs.zipBytes.webhook,
    deliver: artifacts.zipBytes.deliver - artifacts.withoutLiquidjs.zipBytes.deliver,
  };
  const deltas = {
    /** (a) − (b): what the lazy import leaves in require() with no template. */
    requireVsWithoutLiquidjsMs: round(builtin.requireMs - withoutLiquidjs.requireMs, 1),
    /** (c) − (a): require() plus first event, one template against none. */
    templateColdStartVsBuiltinMs: round(template.coldStartMs - builtin.coldStartMs, 1),
  };
  const ratios = {
    templateWarmP50VsBuiltin: round(warm.template.p50Ms / warm.builtin.p50Ms, 3),
  };
  return {
    templateWarmP50Ms: warm.template.p50Ms,
    builtinWarmP50Ms: warm.builtin.p50Ms,
    templateColdStartMs: template.coldStartMs,
    zipGrowthBytes,
    deltas,
    ratios,
    targets: {
      noTemplateRequireWithin3msOfWithoutLiquidjs:
        deltas.requireVsWithoutLiquidjsMs <= REQUIRE_MARGIN_MS,
      oneTemplateColdStartWithin25msOfBuiltin:
        deltas.templateColdStartVsBuiltinMs <= FIRST_EVENT_MARGIN_MS,
      webhookZipGrowthAtMost30KB: zipGrowthBytes.webhook <= ZIP_GROWTH_LIMIT_BYTES,
      deliverZipGrowthAtMost30KB: zipGrowthBytes.deliver <= ZIP_GROWTH_LIMIT_BYTES,
    },
    detail: {
      cold: { builtin, withoutLiquidjs, template },
      warm,
      zipBytes: {
        packaged: { webhook: artifacts.zipBytes.webhook, deliver: artifacts.zipBytes.deliver },
        withoutLiquidjs: artifacts.withoutLiquidjs.zipBytes,
        /** The same esbuild build with liquidjs: packaging's own difference, for scale. */
        sourceWithLiquidjs: artifacts.sourceWithLiquidjs.zipBytes,
      },
      scenario:
        'templates: the packaged webhook in direct mode on a second stage where robot team has the one-line push example (lib/templates/examples.ts) as its push template and ops keeps the built-in message; withoutLiquidjs: functions/webhook.ts bundled with the serverless esbuild options and liquidjs replaced by an empty module, no template configured',
    },
  };
}

/** bench/results.json with the template fields beside the others, targets and details merged. */
export function withTemplateResults(base: FullResults, templates: TemplateResults) {
  const { ratios, targets, detail, ...figures } = base;
  const { ratios: ownRatios, targets: ownTargets, detail: ownDetail, ...ownFigures } = templates;
  return {
    ...figures,
    ...ownFigures,
    ratios: { ...ratios, ...ownRatios },
    targets: { ...targets, ...ownTargets },
    detail: { ...detail, templates: ownDetail },
  };
}

export type ResultsWithTemplates = ReturnType<typeof withTemplateResults>;
