import { GetParametersByPathCommand, type SSMClient } from '@aws-sdk/client-ssm';
import {
  loadParameterRecordsFrom,
  loadParametersFrom,
  type ParameterRecord,
  type ReadParametersPage,
} from './load-parameters-from';

/**
 * The AWS SDK side of the settings read, for the settings CLI and tests. The Lambda functions
 * do not import this file: they read pages with createSsmPageReader, without the SDK client.
 */
export type { ParameterRecord };

/** GetParametersByPath pages through the AWS SDK client (its own retries, credentials, errors). */
export function readPagesWithSdk(client: SSMClient): ReadParametersPage {
  return (input) => client.send(new GetParametersByPathCommand(input));
}

/** Every parameter under `path`, keyed relative to it; see loadParametersFrom. */
export function loadParameters(client: SSMClient, path: string): Promise<Map<string, string>> {
  return loadParametersFrom(readPagesWithSdk(client), path);
}

/** As loadParameters, with each parameter's type (the CLI compares them before writing). */
export function loadParameterRecords(
  client: SSMClient,
  path: string,
): Promise<Map<string, ParameterRecord>> {
  return loadParameterRecordsFrom(readPagesWithSdk(client), path);
}
