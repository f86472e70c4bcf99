import type { PostAnswer } from '../http/keep-alive-post';
import { parseJsonRecord } from '../json-record';

/**
 * An error answer from an AWS JSON service, shaped like the SDK's service exceptions where
 * describeSsmError and callers read them (`name` = the bare error type, `$metadata
 * .httpStatusCode`), so a failure reads the same whichever client met it. `code` is SQS's
 * legacy query code (`x-amzn-query-error`: `AWS.SimpleQueueService.NonExistentQueue`), which the
 * SDK also exposes. Holds no request, header or credential: only what AWS said.
 */
export class AwsServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  readonly code?: string;
  constructor(type: string, message: string, status: number, code?: string) {
    super(message);
    this.name = type;
    this.$metadata = { httpStatusCode: status };
    if (code !== undefined) this.code = code;
  }
}

/** Error types worth another attempt, as the SDK's standard retry mode classifies them. */
const TRANSIENT_TYPES = new Set([
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TooManyUpdates',
  'TransactionInProgressException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeoutException',
]);

export function isTransientAwsError(error: AwsServiceError): boolean {
  const status = error.$metadata.httpStatusCode;
  return status >= 500 || status === 429 || TRANSIENT_TYPES.has(error.name);
}

/**
 * The type comes from the `x-amzn-errortype` header or the body's `__type`, either of which may
 * be qualified (`com.amazonaws.sqs#QueueDoesNotExist`, `com.amazonaws.dynamodb.v20120810#…`,
 * `Type:http://internal.amazon.com/…`).
 */
export function errorOfAnswer(answer: PostAnswer): AwsServiceError {
  const fields = parseJsonRecord(answer.text) ?? {};
  const header = answer.headers['x-amzn-errortype'];
  const raw = [header, fields.__type, fields.code, fields.Code].find((v) => typeof v === 'string');
  const message = [fields.message, fields.Message].find((v) => typeof v === 'string');
  const query = answer.headers['x-amzn-query-error'];
  const code = typeof query === 'string' ? plainName(query.split(';')[0] ?? '') : undefined;
  return new AwsServiceError(bareType(raw), message ?? '', answer.status, code);
}

function bareType(raw: string | undefined): string {
  const type = (raw ?? '').split(',')[0]?.split(':')[0]?.split('#').pop() ?? '';
  return plainName(type) ?? 'UnknownError';
}

/** Names go into log lines: only a plain identifier, never whatever a proxy sent. */
function plainName(value: string): string | undefined {
  return /^[A-Za-z][A-Za-z0-9_.]{0,99}$/.test(value) ? value : undefined;
}

export function invalidAnswer(service: string, status: number): AwsServiceError {
  return new AwsServiceError(
    'InvalidResponseError',
    `${service} answered with no readable JSON`,
    status,
  );
}
