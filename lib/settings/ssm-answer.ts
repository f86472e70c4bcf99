import { isRecord } from '../json-record';
import type { PostAnswer } from '../http/keep-alive-post';
import type { ParametersPage } from './load-parameters-from';

/**
 * An error answer from SSM, shaped like the SDK's service exceptions where describeSsmError
 * reads them (`name` = the bare error type, `$metadata.httpStatusCode`), so a failure is
 * described in the same words whichever client met it. Holds no request, header or credential.
 */
export class SsmServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(type: string, message: string, status: number) {
    super(message);
    this.name = type;
    this.$metadata = { httpStatusCode: status };
  }
}

/** Error types worth another attempt, as the SDK's standard retry mode treats them. */
const TRANSIENT_TYPES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'TooManyUpdates',
  'InternalServerError',
  'ServiceUnavailable',
  'RequestTimeout',
]);

export function isTransientSsmError(error: SsmServiceError): boolean {
  const status = error.$metadata.httpStatusCode;
  return status >= 500 || status === 429 || TRANSIENT_TYPES.has(error.name);
}

/** The page in a 200 answer; anything else becomes an SsmServiceError (AWS JSON 1.1 errors). */
export function readSsmAnswer(answer: PostAnswer): ParametersPage {
  if (answer.status !== 200) throw errorOf(answer);
  const page = parseJson(answer.text);
  if (!isRecord(page)) throw invalidPage(answer.status);
  const { Parameters: parameters, NextToken: nextToken } = page;
  if (parameters !== undefined && !Array.isArray(parameters)) throw invalidPage(answer.status);
  return {
    Parameters: (parameters ?? []).filter(isRecord).map((p) => ({
      Name: stringOrUndefined(p.Name),
      Value: stringOrUndefined(p.Value),
      Type: stringOrUndefined(p.Type),
    })),
    NextToken: stringOrUndefined(nextToken),
  };
}

/**
 * The type comes from the `x-amzn-errortype` header or the body's `__type`, either of which may
 * be qualified (`com.amazonaws.ssm#ParameterNotFound`, `Type:http://internal.amazon.com/…`).
 */
function errorOf(answer: PostAnswer): SsmServiceError {
  const body = parseJson(answer.text);
  const fields = isRecord(body) ? body : {};
  const header = answer.headers['x-amzn-errortype'];
  const raw = [header, fields.__type, fields.code, fields.Code].find((v) => typeof v === 'string');
  const message = [fields.message, fields.Message].find((v) => typeof v === 'string');
  return new SsmServiceError(bareType(raw), message ?? '', answer.status);
}

function bareType(raw: string | undefined): string {
  const type = (raw ?? '').split(',')[0]?.split(':')[0]?.split('#').pop() ?? '';
  // The name goes into log lines: only a plain identifier, never whatever a proxy sent.
  return /^[A-Za-z][A-Za-z0-9_.]{0,99}$/.test(type) ? type : 'UnknownError';
}

/** Not JSON.parse's own error: its message quotes the text, which here holds secrets. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function invalidPage(status: number): SsmServiceError {
  return new SsmServiceError('InvalidResponseError', 'SSM answered with no readable page', status);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
