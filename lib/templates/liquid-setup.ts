import type * as LiquidJs from 'liquidjs';
import { cutFilter, dateFilter, escapeOutput, urlFilter } from './filters';
import { BudgetedEmitter } from './output-budget';
import { renderStateOf } from './render-state';

export type LiquidModule = typeof LiquidJs;
type TagClass = Parameters<LiquidJs.Liquid['registerTag']>[1];

/**
 * Limits on one operator mistake (templates.md §5): template length, allocations (a string
 * doubled in a loop, a huge range) and render time in ms. Time is the last resort, generous
 * for a small Lambda's share of a CPU: the output budget stops a runaway loop first, at the
 * same place on every machine.
 */
export const ENGINE_LIMITS = { parseLimit: 20_000, renderLimit: 1_000, memoryLimit: 1_000_000 };

/** Tags that read other templates: there are none to read, and never the Lambda's disk. */
const FILE_TAGS = ['include', 'render', 'layout'] as const;
/** Jekyll date filters format in the machine's zone; `date` is the product's formatter. */
const MACHINE_DATE_FILTERS = [
  'date_to_xmlschema',
  'date_to_rfc822',
  'date_to_string',
  'date_to_long_string',
];

/**
 * liquidjs configured as templates.md §5 recommends and measured: no file system, unknown
 * filters are parse errors, own properties only, a fixed locale (so construction does not
 * probe Intl), limits, the platform escape on every output with no way to switch it off
 * (`raw` is a plain filter here), and the product's `url`, `date` and `cut` filters.
 */
export function createLiquid(lib: LiquidModule): LiquidJs.Liquid {
  const liquid = new lib.Liquid({
    outputEscape: escapeOutput,
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    templates: {},
    locale: 'en-US',
    ...ENGINE_LIMITS,
  });
  liquid.registerFilter('raw', (value: unknown) => value);
  liquid.registerFilter('url', { raw: true, handler: urlFilter });
  liquid.registerFilter('date', dateFilter);
  liquid.registerFilter('cut', cutFilter);
  MACHINE_DATE_FILTERS.forEach((name) => liquid.unregisterFilter(name));
  FILE_TAGS.forEach((name) => liquid.registerTag(name, noFilesTag(lib, name)));
  liquid.registerTag('capture', budgetedCapture(lib));
  return liquid;
}

/** A tag that refuses to parse, so the validator reports it at its line and column. */
function noFilesTag(lib: LiquidModule, name: string): TagClass {
  return class extends lib.Tag {
    constructor(
      token: LiquidJs.TagToken,
      remain: LiquidJs.TopLevelToken[],
      liquid: LiquidJs.Liquid,
    ) {
      super(token, remain, liquid);
      throw new Error(`tag "${name}" is not available: a template is one text and reads no files`);
    }

    render(): string {
      return '';
    }
  };
}

/**
 * `capture` writing within the render's output budget (Liquid's own capture has no limit),
 * with values kept as text so the captured variable is escaped once, where it is printed.
 */
function budgetedCapture(lib: LiquidModule): TagClass {
  return class extends lib.CaptureTag {
    override *render(ctx: LiquidJs.Context): Generator<unknown, void, string> {
      const state = renderStateOf(ctx);
      state.captureDepth += 1;
      try {
        const emitter = new BudgetedEmitter(state.budget);
        const html = yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
        ctx.bottom()[this.variable] = html;
      } finally {
        state.captureDepth -= 1;
      }
    }
  };
}
