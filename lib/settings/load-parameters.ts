import { GetParametersByPathCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../errors';
import type { ParameterType } from './parameters';
import { describeSsmError } from './ssm-error';

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
export async function loadParameters(
  client: SSMClient,
  path: string,
): Promise<Map<string, string>> {
  const records = await loadParameterRecords(client, path);
  return new Map([...records].map(([name, record]) => [name, record.value]));
}

/** As loadParameters, with each parameter's type (the CLI compares them before writing). */
export async function loadParameterRecords(
  client: SSMClient,
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
    const page = await sendPageRequest(client, path, nextToken);
    for (const parameter of page.Parameters ?? []) {
      const { Name: name, Value: value, Type: type } = parameter;
      if (name === undefined || value === undefined || !name.startsWith(prefix)) continue;
      records.set(name.slice(prefix.length), { value, type: type ?? 'String' });
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return records;
}

async function sendPageRequest(client: SSMClient, path: string, nextToken: string | undefined) {
  const command = new GetParametersByPathCommand({
    Path: path,
    Recursive: true,
    WithDecryption: true,
    MaxResults: PAGE_SIZE,
    NextToken: nextToken,
  });
  try {
    return await client.send(command);
  } catch (error) {
    throw new SettingsError(describeSsmError('GetParametersByPath', error), { cause: error });
  }
}
