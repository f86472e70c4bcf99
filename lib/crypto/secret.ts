import { inspect } from 'node:util';

/**
 * A secret value that never prints: String(), JSON.stringify() and util.inspect() all give
 * "<secret>". Call reveal() only at the moment the value is used (signing, comparing, a URL).
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '<secret>';
  }

  toJSON(): string {
    return '<secret>';
  }

  [inspect.custom](): string {
    return '<secret>';
  }
}
