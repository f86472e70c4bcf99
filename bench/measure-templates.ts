import type { Artifacts } from './artifacts';
import type { BenchFakes } from './fakes';
import {
  measureColdSeries,
  measureWarmSubjects,
  webhookSubject,
  type ColdSeries,
  type ColdSubject,
  type WarmSeries,
  type WarmSizes,
} from './measure';
import { TEMPLATE_STAGE_PATH, TEMPLATED_ROBOT } from './scenario';

/**
 * Issue 12's "Benchmark": what one template costs, each figure beside what it is compared
 * with in the same series. `builtin` is the packaged webhook with no template configured,
 * `withoutLiquidjs` the same sources bundled with liquidjs replaced by an empty module (the
 * lazy import must keep the engine out of a cold start with no template), `template` the
 * packaged webhook on the stage where robot `team` has the one-line push template.
 */
export type TemplateColdName = 'builtin' | 'withoutLiquidjs' | 'template';
export type TemplateWarmName = 'builtin' | 'template';

const TEMPLATE_ENV = { SETTINGS_SSM_PATH: TEMPLATE_STAGE_PATH };

/** The one-line push as the template renders it for the fixture (English words, one line). */
const TEMPLATED_TEXT = /\*\*[^*\n]+\*\* pushed \d+ commits? to \S+ in \[/;

interface MarkdownBody {
  msgtype?: string;
  markdown?: { text?: string };
}

function textOf(message: unknown): string {
  return (message as MarkdownBody | null)?.markdown?.text ?? '';
}

/**
 * Throws unless, among the robots' messages since `from`, the templated robot got the
 * template's message and the other robot the built-in one (not a fallback to it).
 */
export function checkTemplatedMessages(fakes: BenchFakes, from = 0): void {
  const received = fakes.robots.received.slice(from).filter((one) => one.errcode === 0);
  const templated = received.filter((one) => one.robot === TEMPLATED_ROBOT);
  const others = received.filter((one) => one.robot !== TEMPLATED_ROBOT);
  if (templated.length === 0 || others.length === 0) {
    throw new Error(`templated run: ${templated.length} + ${others.length} messages accepted`);
  }
  const wrong = templated.find((one) => !TEMPLATED_TEXT.test(textOf(one.message)));
  if (wrong)
    throw new Error(`robot ${TEMPLATED_ROBOT} got no templated message: ${textOf(wrong.message)}`);
  const templatedOther = others.find((one) => TEMPLATED_TEXT.test(textOf(one.message)));
  if (templatedOther) throw new Error(`robot ${templatedOther.robot} got the template's message`);
}

/** Throws if any robot got the template's message (the built-in stage). */
function checkBuiltInMessages(fakes: BenchFakes, from = 0): void {
  const templated = fakes.robots.received
    .slice(from)
    .find((one) => TEMPLATED_TEXT.test(textOf(one.message)));
  if (templated) throw new Error(`robot ${templated.robot} got a templated message`);
}

function templateSubject(fakes: BenchFakes, bundle: string): ColdSubject {
  const base = webhookSubject('template', bundle);
  let from = 0;
  return {
    ...base,
    env: TEMPLATE_ENV,
    event: () => {
      from = fakes.robots.received.length;
      return base.event();
    },
    check: async (result) => {
      await base.check(result);
      checkTemplatedMessages(fakes, from);
    },
  };
}

/**
 * Cold starts of the three, interleaved in one series: require() and first event each.
 * `withoutLiquidjs` is built from the sources, the other two are the packaged bundle.
 */
export function measureTemplateColdStarts(
  artifacts: Artifacts,
  fakes: BenchFakes,
  runs: number,
): Promise<Record<TemplateColdName, ColdSeries>> {
  return measureColdSeries(
    artifacts,
    fakes,
    {
      builtin: webhookSubject('builtin', artifacts.webhookBundle),
      withoutLiquidjs: webhookSubject('withoutLiquidjs', artifacts.withoutLiquidjs.webhookBundle),
      template: templateSubject(fakes, artifacts.webhookBundle),
    },
    runs,
  );
}

/** Warm runs of the packaged webhook with and without the template, in the same rounds. */
export function measureTemplateWarm(
  artifacts: Artifacts,
  fakes: BenchFakes,
  sizes: WarmSizes,
): Promise<Record<TemplateWarmName, WarmSeries>> {
  const bundle = { kind: 'bundle' as const, bundle: artifacts.webhookBundle };
  return measureWarmSubjects(
    artifacts,
    fakes,
    {
      builtin: { subject: bundle, check: (f) => checkBuiltInMessages(f) },
      template: { subject: bundle, env: TEMPLATE_ENV, check: (f) => checkTemplatedMessages(f) },
    },
    sizes,
  );
}
