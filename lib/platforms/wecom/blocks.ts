import type { Budget } from '../../view/budget';
import { emptyView, type EventView, type PageLink, type Person } from '../../view/event-view';
import { homeLinks } from '../../view/home-links';
import type { LocaleText } from '../../view/locales/locale-text';
import {
  pageLinksOf,
  renderBlocks,
  type BlocksInput,
  type SpanStyle,
} from '../../view/render-blocks';

export type Blocks = ReturnType<typeof renderBlocks>;

/** What every WeCom renderer gets: the view, its words, the budget and who to name. */
export interface WecomRenderInput {
  view: EventView;
  t: LocaleText;
  budget: Budget;
  /** People this msgtype cannot ping: named in the mention line unless the message shows them. */
  unmapped: Person[];
}

/**
 * The shared block renderer (cuts, excerpt, long links, people already named) with WeCom's
 * styles. Each WeCom renderer places its own mention tokens, so only `unmapped` is passed on.
 */
export function wecomBlocks(
  input: WecomRenderInput,
  style: SpanStyle,
  headingStyle: SpanStyle,
): Blocks {
  return renderBlocks(sharedInput(input), style, headingStyle);
}

/** The view's pages as this budget links them: long addresses give way to the repository. */
export function pageLinks(input: WecomRenderInput): PageLink[] {
  return pageLinksOf(sharedInput(input));
}

/** One fact's label and its value written in `style`, each fact on its own (none when compact). */
export function factParts(
  input: WecomRenderInput,
  style: SpanStyle,
): Array<{ label: string | null; value: string }> {
  return input.view.facts.flatMap((fact) => {
    const alone = { ...emptyView([]), facts: [{ label: null, value: fact.value }] };
    const value = wecomBlocks({ ...input, view: alone, unmapped: [] }, style, style).facts;
    return value === '' ? [] : [{ label: fact.label, value }];
  });
}

function sharedInput({ view, t, budget, unmapped }: WecomRenderInput): BlocksInput {
  return { view, t, budget, unmapped, home: homeLinks(view, t) };
}
