import { AwsServiceError } from '../aws/service-error';
import { isRecord } from '../json-record';
import type { ParametersPage } from './load-parameters-from';

/** SSM's errors are the AWS JSON ones (lib/aws/service-error.ts), kept under the old names. */
export {
  AwsServiceError as SsmServiceError,
  isTransientAwsError as isTransientSsmError,
} from '../aws/service-error';

/** The page in a GetParametersByPath answer; anything not shaped like one is an error. */
export function readSsmPage(output: Record<string, unknown>): ParametersPage {
  const { Parameters: parameters, NextToken: nextToken } = output;
  if (parameters !== undefined && !Array.isArray(parameters)) throw invalidPage();
  return {
    Parameters: (parameters ?? []).filter(isRecord).map((p) => ({
      Name: stringOrUndefined(p.Name),
      Value: stringOrUndefined(p.Value),
      Type: stringOrUndefined(p.Type),
    })),
    NextToken: stringOrUndefined(nextToken),
  };
}

function invalidPage(): AwsServiceError {
  return new AwsServiceError('InvalidResponseError', 'SSM answered with no readable page', 200);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
