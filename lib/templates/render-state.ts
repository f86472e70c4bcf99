import type { Context } from 'liquidjs';
import type { OutputBudget } from './output-budget';
import type { TemplateRenderSettings } from './types';

/**
 * What the product's filters and tags need during one render, kept in a Liquid register: a
 * register is not a variable, so no template can read or change it.
 */
export interface RenderState {
  settings: TemplateRenderSettings;
  budget: OutputBudget;
  /** Inside a `capture`: values are kept as text and escaped once, where the capture prints. */
  captureDepth: number;
}

const KEY = 'gitee-dingtalk:render-state';

export function setRenderState(context: Context, state: RenderState): void {
  context.setRegister(KEY, state);
}

export function renderStateOf(context: Context): RenderState {
  const state = context.getRegister<RenderState | undefined>(KEY);
  // Only renderTemplate renders, and it always sets the state first.
  if (state === undefined) throw new Error('template rendered without its render state');
  return state;
}
