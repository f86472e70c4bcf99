import type { Liquid, Template } from 'liquidjs';
import { createLiquid, type LiquidModule } from './liquid-setup';
import { BudgetedEmitter, OutputBudget } from './output-budget';
import { setRenderState } from './render-state';
import type { TemplateRenderSettings } from './types';

/**
 * The template engine, loaded on first use: `import('liquidjs')` stays out of the cold start
 * of every container whose robots have no template (issue 12, "Benchmark"). esbuild keeps it
 * in the same bundle, evaluated only when this runs.
 */
export interface TemplateEngine {
  readonly lib: LiquidModule;
  readonly liquid: Liquid;
  /** The parsed template, cached by source; throws Liquid's ParseError/TokenizationError. */
  parse(source: string): Template[];
  /** Renders synchronously (there is no I/O); throws on a parse or render error or a limit. */
  render(source: string, fields: object, settings: TemplateRenderSettings): string;
}

let loading: Promise<TemplateEngine> | null = null;

export function loadTemplateEngine(): Promise<TemplateEngine> {
  loading ??= import('liquidjs').then(createTemplateEngine, (error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Parse a template and render it with the fields (the engine loaded if need be). */
export async function renderTemplate(
  source: string,
  fields: object,
  settings: TemplateRenderSettings,
): Promise<string> {
  return (await loadTemplateEngine()).render(source, fields, settings);
}

/** Distinct template sources kept parsed; settings hold a few dozen at most. */
const CACHE_SIZE = 256;

export function createTemplateEngine(lib: LiquidModule): TemplateEngine {
  const liquid = createLiquid(lib);
  const parsed = new Map<string, Template[]>();
  const parse = (source: string): Template[] => {
    const known = parsed.get(source);
    if (known) return known;
    const templates = liquid.parse(source);
    if (parsed.size >= CACHE_SIZE) parsed.clear();
    parsed.set(source, templates);
    return templates;
  };
  return {
    lib,
    liquid,
    parse,
    render(source, fields, settings) {
      const templates = parse(source);
      const budget = new OutputBudget();
      // A copy, since `{% increment %}` writes to the scope and a view is shared between
      // robots; without a prototype, so `{% increment constructor %}` finds nothing there.
      const scope: object = Object.assign(Object.create(null) as object, structuredClone(fields));
      const ctx = new lib.Context(scope, liquid.options, { sync: true }, { liquid });
      setRenderState(ctx, { settings, budget, captureDepth: 0 });
      const emitter = new BudgetedEmitter(budget);
      return String(lib.toValueSync(liquid.renderer.renderTemplates(templates, ctx, emitter)));
    },
  };
}
