/**
 * The errors the SQS model raises, with what the JSON protocol puts on the wire: the
 * `__type` shape name (`com.amazonaws.sqs#<type>`), the legacy query code the SDK reads
 * from the `x-amzn-query-error` header (`<code>;Sender`), and the HTTP status. Names and
 * codes are the ones @aws-sdk/client-sqs 3.1169.0 registers, so the SDK throws its own
 * exception classes (QueueDoesNotExist, ReceiptHandleIsInvalid, …) against the fake.
 */
export class SqsError extends Error {
  override name = 'SqsError';
  constructor(
    /** The shape name, e.g. `QueueDoesNotExist`. */
    readonly type: string,
    /** The query-protocol code, e.g. `AWS.SimpleQueueService.NonExistentQueue`. */
    readonly queryCode: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SQS = 'AWS.SimpleQueueService.';

export const sqsErrors = {
  queueDoesNotExist: () =>
    new SqsError(
      'QueueDoesNotExist',
      `${SQS}NonExistentQueue`,
      400,
      'The specified queue does not exist.',
    ),
  queueNameExists: (name: string) =>
    new SqsError(
      'QueueNameExists',
      'QueueAlreadyExists',
      400,
      `A queue already exists with the same name and a different value for attribute(s): ${name}`,
    ),
  invalidParameter: (message: string) =>
    new SqsError('InvalidParameterValue', 'InvalidParameterValue', 400, message),
  missingParameter: (parameter: string) =>
    new SqsError(
      'MissingParameter',
      'MissingParameter',
      400,
      `The request must contain the parameter ${parameter}.`,
    ),
  invalidAttributeName: (name: string) =>
    new SqsError('InvalidAttributeName', 'InvalidAttributeName', 400, `Unknown Attribute ${name}.`),
  invalidAttributeValue: (message: string) =>
    new SqsError('InvalidAttributeValue', 'InvalidAttributeValue', 400, message),
  invalidMessageContents: () =>
    new SqsError(
      'InvalidMessageContents',
      'InvalidMessageContents',
      400,
      'Invalid characters found. Valid values are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
    ),
  receiptHandleIsInvalid: (handle: string) =>
    new SqsError(
      'ReceiptHandleIsInvalid',
      'ReceiptHandleIsInvalid',
      404,
      `The input receipt handle "${handle}" is not a valid receipt handle.`,
    ),
  receiptHandleExpired: (handle: string) =>
    new SqsError(
      'InvalidParameterValue',
      'InvalidParameterValue',
      400,
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`,
    ),
  messageNotInflight: () =>
    new SqsError(
      'MessageNotInflight',
      `${SQS}MessageNotInflight`,
      400,
      'The message referred to is not in flight.',
    ),
  emptyBatch: () =>
    new SqsError(
      'EmptyBatchRequest',
      `${SQS}EmptyBatchRequest`,
      400,
      'There should be at least one SendMessageBatchRequestEntry in the request.',
    ),
  tooManyEntries: (count: number) =>
    new SqsError(
      'TooManyEntriesInBatchRequest',
      `${SQS}TooManyEntriesInBatchRequest`,
      400,
      `Maximum number of entries per request are 10. You have sent ${count}.`,
    ),
  batchIdsNotDistinct: (id: string) =>
    new SqsError(
      'BatchEntryIdsNotDistinct',
      `${SQS}BatchEntryIdsNotDistinct`,
      400,
      `Id ${id} repeated.`,
    ),
  invalidBatchEntryId: (id: string) =>
    new SqsError(
      'InvalidBatchEntryId',
      `${SQS}InvalidBatchEntryId`,
      400,
      `A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Got ${JSON.stringify(id)}.`,
    ),
  batchTooLong: (bytes: number) =>
    new SqsError(
      'BatchRequestTooLong',
      `${SQS}BatchRequestTooLong`,
      400,
      `Batch requests cannot be longer than 262144 bytes. You have sent ${bytes} bytes.`,
    ),
  purgeInProgress: (name: string) =>
    new SqsError(
      'PurgeQueueInProgress',
      `${SQS}PurgeQueueInProgress`,
      403,
      `Only one PurgeQueue operation on ${name} is allowed every 60 seconds.`,
    ),
  resourceNotFound: (message: string) =>
    new SqsError('ResourceNotFoundException', 'ResourceNotFoundException', 404, message),
  unsupportedOperation: (message: string) =>
    new SqsError('UnsupportedOperation', `${SQS}UnsupportedOperation`, 400, message),
  /** An injected outage (the fake's `setDown`): what SQS answers when it is unavailable. */
  serviceUnavailable: () =>
    new SqsError(
      'ServiceUnavailable',
      'ServiceUnavailable',
      503,
      'The request has failed due to a temporary failure of the server.',
    ),
};
