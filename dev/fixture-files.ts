import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** A payload to send: a sample's name, or a file someone pointed at. */
export interface Payload {
  name: string;
  text: string;
}

export class UnknownFixtureError extends Error {
  override name = 'UnknownFixtureError';
  constructor(
    readonly requested: string,
    readonly known: string[],
    /** The samples folder that was searched. */
    readonly dir?: string,
  ) {
    super(`no sample payload named "${requested}"; known: ${known.join(', ')}`);
  }
}

/** The sample payloads' names (file names without .json), sorted. */
export async function listFixtureNames(fixturesDir: string): Promise<string[]> {
  const files = await readdir(fixturesDir);
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** Only a listed name is read, so a name can never walk out of the fixtures folder. */
export async function readFixture(fixturesDir: string, name: string): Promise<Payload> {
  const known = await listFixtureNames(fixturesDir);
  if (!known.includes(name)) throw new UnknownFixtureError(name, known, fixturesDir);
  return { name, text: await readFile(join(fixturesDir, `${name}.json`), 'utf8') };
}

/**
 * `npm run send -- <name | path>`: a target with a path separator is a file (`./my.json` for
 * one in the current folder); anything else is a sample's name, `.json` optional.
 */
export async function resolvePayload(
  target: string,
  fixturesDir: string,
  cwd: string = process.cwd(),
): Promise<Payload> {
  if (!/[\\/]/.test(target)) return readFixture(fixturesDir, target.replace(/\.json$/, ''));
  const path = resolve(cwd, target);
  try {
    return { name: path, text: await readFile(path, 'utf8') };
  } catch (error) {
    throw new Error(`cannot read the payload file ${path}`, { cause: error });
  }
}
