import { SettingsError } from '../errors';
import type { ParameterType } from './parameters';
import { describeSsmError } from './ssm-error';

/** The GetParametersByPath request fields we send (AWS JSON 1.1 names). */
export interface ParametersPageInput {
  Path: string;
  Recursive: boolean;
  WithDecryption: boolean;
  MaxResults: number;
  NextToken?: string;
}

/** The answer fields we read; the SDK's GetParametersByPathCommandOutput is one of these. */
export interface ParametersPage {
  Parameters?: Array<{ Name?: string; Value?: string; Type?: string }>;
  NextToken?: string;
}

/**
 * One GetParametersByPath page. Two implementations: the AWS SDK client (the settings CLI) and
 * one signed POST (the Lambda functions, where the SDK costs most of the cold start).
 */
export type ReadParametersPage = (input: ParametersPageInput) => Promise<ParametersPage>;

export interface ParameterRecord {
  value: string;
  type: ParameterType | 'StringList';
}

/** SSM allows at most 10 per page; a path holds a handful of parameters, so this is 1–2 calls. */
const PAGE_SIZE = 10;
/** A server that keeps answering with a NextToken must not keep a Lambda busy until its timeout. */
const MAX_PAGES = 200;

/**
 * Every parameter under `path`, keyed relative to it (`gitee/secret`, `robots/team/webhook`):
 * one recursive, decrypted GetParametersByPath, following NextToken through every page.
 * Throws SettingsError naming the failed call, never a value.
 */
export async function loadParametersFrom(
  readPage: ReadParametersPage,
  path: string,
): Promise<Map<string, string>> {
  const records = await loadParameterRecordsFrom(readPage, path);
  return new Map([...records].map(([name, record]) => [name, record.value]));
}

/** As loadParametersFrom, with each parameter's type (the CLI compares them before writing). */
export async function loadParameterRecordsFrom(
  readPage: ReadParametersPage,
  path: string,
): Promise<Map<string, ParameterRecord>> {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  const records = new Map<string, ParameterRecord>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (++pages > MAX_PAGES) {
      throw new SettingsError(`SSM GetParametersByPath returned more than ${MAX_PAGES} pages`);
    }
    const page = await readOnePage(readPage, path, nextToken);
    for (const parameter of page.Parameters ?? []) {
      const { Name: name, Value: value, Type: type } = parameter;
      if (name === undefined || value === undefined || !name.startsWith(prefix)) continue;
      records.set(name.slice(prefix.length), { value, type: recordType(type) });
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return records;
}

async function readOnePage(
  readPage: ReadParametersPage,
  path: string,
  nextToken: string | undefined,
): Promise<ParametersPage> {
  const input: ParametersPageInput = {
    Path: path,
    Recursive: true,
    WithDecryption: true,
    MaxResults: PAGE_SIZE,
  };
  if (nextToken) input.NextToken = nextToken;
  try {
    return await readPage(input);
  } catch (error) {
    // Already a settings failure in plain words (e.g. no credentials): keep its message.
    if (error instanceof SettingsError) throw error;
    throw new SettingsError(describeSsmError('GetParametersByPath', error), { cause: error });
  }
}

function recordType(type: string | undefined): ParameterRecord['type'] {
  return type === 'SecureString' || type === 'StringList' ? type : 'String';
}
