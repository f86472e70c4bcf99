import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Invocation<T> {
  answer: T;
  /** What the function wrote to stdout before answering (its log lines, as on Lambda). */
  logs: string;
}

/**
 * Invokes a bundled handler in a fresh Node process, as Lambda would at a cold start: only
 * PATH and the given variables in its environment. Asynchronous, because the fakes answering
 * it live in the test's own event loop.
 */
export async function invokeBundle<T>(
  dir: string,
  name: string,
  env: Record<string, string>,
  event: unknown,
): Promise<Invocation<T>> {
  const bundle = join(dir, 'functions', `${name}.js`);
  const script = `require(${JSON.stringify(bundle)}).handler(${JSON.stringify(event)})
    .then((answer) => process.stdout.write('\\nANSWER ' + JSON.stringify(answer)))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  // The answer is the last line; everything before it is the function's own log.
  const at = stdout.lastIndexOf('\nANSWER ');
  return { answer: JSON.parse(stdout.slice(at + 8)) as T, logs: stdout.slice(0, at) };
}
