import type { FullResults } from './queue-results';
import type { Results } from './results';
import type { ResultsWithTemplates } from './template-results';
import { round } from './stats';

type Figure = number | null;

const LABEL_WIDTH = 24;
const CELL_WIDTH = 11;

function cell(value: number | string): string {
  return String(value).padStart(CELL_WIDTH);
}

function ratio(a: number, b: Figure): string {
  return b === null || b === 0 ? '-' : `${(a / b).toFixed(2)}x`;
}

/** One line: the three figures, then project/reference and project/floor when they mean something. */
function row(label: string, figures: [number, Figure, Figure], ratios = true): string {
  const [project, reference, floor] = figures;
  const cells = [project, reference ?? '-', floor ?? '-'];
  const ratioCells = ratios ? [ratio(project, reference), ratio(project, floor)] : ['-', '-'];
  return `${label.padEnd(LABEL_WIDTH)}${[...cells, ...ratioCells].map(cell).join('')}`;
}

/** The queue-mode lines: each figure beside what its target compares it with. */
function queueLines(r: FullResults): string[] {
  const { queue } = r.detail;
  const sim = r.simulation;
  return [
    '',
    'queue mode',
    `  webhook cold start, median ms  ${r.queueWebhookColdStartMs} (direct ${queue.directWebhookColdInQueueSeries.coldStartMs} in the same series: ${r.ratios.queueWebhookColdStartVsDirect}x)`,
    `  webhook warm p50 ms            ${r.queueWebhookWarmP50Ms} (queue floor ${r.queueFloorP50Ms}: ${r.ratios.queueWebhookWarmP50VsQueueFloor}x; p99 ${queue.queueWebhook.warm.p99Ms})`,
    `  deliver cold start, median ms  ${r.deliverColdStartMs} (reference consumer ${r.referenceDeliverColdStartMs}: ${r.ratios.deliverColdStartVsReference}x)`,
    `  zips KB                        webhook ${round(r.zipBytes.webhook / 1000, 1)}, deliver ${round(r.zipBytes.deliver / 1000, 1)}, health ${round(r.zipBytes.health / 1000, 1)} (reference consumer ${round(queue.referenceConsumer.zipBytes / 1000, 1)})`,
    sim === null
      ? '  simulation                     skipped'
      : `  simulation, 300/min, 10 min    max ${sim.maxSendsPer60sPerRobot} sends/60 s, lost ${sim.lost}, duplicated ${sim.duplicated}, event to group p50 ${round(sim.eventToGroupP50Ms / 1000, 1)} s, p99 ${round(sim.eventToGroupP99Ms / 1000, 1)} s (virtual clock)`,
  ];
}

/** The template lines (issue 12): each figure beside the one its target compares it with. */
function templateLines(r: ResultsWithTemplates): string[] {
  const { cold } = r.detail.templates;
  const kb = (bytes: number) => round(bytes / 1000, 1);
  const coldLine = (label: string, c: typeof cold.builtin) =>
    `  ${label.padEnd(31)}require() ${c.requireMs}, first event ${c.firstEventMs}, both ${c.coldStartMs} ms (${c.runs} runs)`;
  return [
    '',
    'templates (cold starts interleaved in one series, medians)',
    coldLine('no template, as packaged', cold.builtin),
    coldLine('no template, without liquidjs', cold.withoutLiquidjs),
    coldLine('one template, as packaged', cold.template),
    `  require() vs without liquidjs   ${r.deltas.requireVsWithoutLiquidjsMs >= 0 ? '+' : ''}${r.deltas.requireVsWithoutLiquidjsMs} ms; one template vs none, cold start ${r.deltas.templateColdStartVsBuiltinMs >= 0 ? '+' : ''}${r.deltas.templateColdStartVsBuiltinMs} ms`,
    `  warm p50 ms                    template ${r.templateWarmP50Ms}, built-in ${r.builtinWarmP50Ms} (${r.ratios.templateWarmP50VsBuiltin}x, same rounds)`,
    `  zip growth KB (vs no liquidjs)  webhook ${kb(r.zipGrowthBytes.webhook)}, deliver ${kb(r.zipGrowthBytes.deliver)}`,
  ];
}

/** The short table `npm run bench` prints (also what the README's Performance section shows). */
export function formatTable(r: Results | FullResults | ResultsWithTemplates): string {
  const { project, reference, floor } = r.detail;
  const header = ['project', 'reference', 'floor', 'proj/ref', 'proj/floor'].map(cell).join('');
  const referenceRss = Math.max(reference.cold.peakRssMb, reference.warm.peakRssMb);
  return [
    `Node ${r.node}, ${r.cpu} x${r.cpuCount}, ${r.mode} run`,
    `${''.padEnd(LABEL_WIDTH)}${header}`,
    row('cold start, median ms', [project.cold.coldStartMs, reference.cold.coldStartMs, null]),
    row('warm p50 ms', [project.warm.p50Ms, reference.warm.p50Ms, floor.p50Ms]),
    row('warm p99 ms', [project.warm.p99Ms, reference.warm.p99Ms, floor.p99Ms]),
    row('events/s sequential', [
      project.warm.eventsPerSecond.sequential,
      reference.warm.eventsPerSecond.sequential,
      floor.eventsPerSecond.sequential,
    ]),
    row('events/s 16 concurrent', [
      project.warm.eventsPerSecond.concurrent16,
      reference.warm.eventsPerSecond.concurrent16,
      floor.eventsPerSecond.concurrent16,
    ]),
    row('webhook zip KB', [
      round(r.zipBytes.webhook / 1000, 1),
      round(reference.zipBytes / 1000, 1),
      null,
    ]),
    row('peak RSS MB', [r.peakRssMb, referenceRss, floor.peakRssMb], false),
    row(
      'SSM calls / cold start',
      [r.ssmCallsPerColdStart, reference.cold.ssmCallsPerColdStart, null],
      false,
    ),
    row(
      'SSM calls / warm event',
      [r.ssmCallsPerWarmInvocation, reference.warm.ssmCallsPerWarmInvocation, null],
      false,
    ),
    '',
    `worst format ms: ${r.worstFormatMs} (${r.detail.format.worstEvent}; ${r.detail.format.pairs} adversarial events x msgtypes, median ${r.detail.format.medianFormatMs} ms)`,
    `project cold start: require() ${project.cold.requireMs} ms, settings request reached SSM at ${project.cold.ssmRequestAtMs} ms`,
    ...('queueWebhookColdStartMs' in r ? queueLines(r) : []),
    ...('templateColdStartMs' in r ? templateLines(r) : []),
    '',
    ...Object.entries(r.targets).map(([name, met]) => `${met ? 'met    ' : 'MISSED '} ${name}`),
  ].join('\n');
}
