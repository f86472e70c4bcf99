import type { Emitter } from 'liquidjs';
import { outputText } from './output-text';

/**
 * How much one render may write, counted alike for the output and every `capture`. Liquid's
 * own renderLimit is a time, which a busy machine reaches at random; these counts stop a
 * runaway loop at the same place every time. No platform takes more than 20,000 bytes, and
 * a line per commit for 50 commits is some 500 pieces (each text run and each output is one).
 */
export const OUTPUT_LIMITS = { pieces: 2_000, characters: 50_000 } as const;

export class OutputLimitError extends Error {
  override name = 'OutputLimitError';
}

export class OutputBudget {
  private pieces = 0;
  private characters = 0;

  use(length: number): void {
    this.pieces += 1;
    this.characters += length;
    if (this.pieces > OUTPUT_LIMITS.pieces) {
      throw new OutputLimitError(
        `template output limit exceeded: more than ${OUTPUT_LIMITS.pieces} pieces written`,
      );
    }
    if (this.characters > OUTPUT_LIMITS.characters) {
      throw new OutputLimitError(
        `template output limit exceeded: more than ${OUTPUT_LIMITS.characters} characters`,
      );
    }
  }
}

/** Liquid's emitter, writing only within the render's budget. */
export class BudgetedEmitter implements Emitter {
  buffer = '';

  constructor(private readonly budget: OutputBudget) {}

  write(html: unknown): void {
    const text = outputText(html);
    this.budget.use(text.length);
    this.buffer += text;
  }
}
