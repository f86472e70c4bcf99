import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { isObject, type Input } from './fake-sqs-input';
import { SqsError, sqsErrors } from './sqs-errors';

/** The SQS JSON 1.0 protocol's envelope: how a call arrives and how answers and errors leave. */
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AmazonSQS.';
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function parseRequest(
  req: http.IncomingMessage,
  body: string,
): { action: string; input: Input } {
  if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== '/') {
    throw new SqsError(
      'UnknownOperationException',
      'UnknownOperation',
      404,
      'SQS answers POST / only.',
    );
  }
  const target = String(req.headers['x-amz-target'] ?? '');
  const contentType = String(req.headers['content-type'] ?? '');
  if (!target.startsWith(TARGET_PREFIX) || !contentType.startsWith(CONTENT_TYPE)) {
    throw new SqsError(
      'UnknownOperationException',
      'UnknownOperation',
      400,
      `Expected x-amz-target ${TARGET_PREFIX}<Action> and content-type ${CONTENT_TYPE}.`,
    );
  }
  if (req.headers.authorization === undefined) {
    throw new SqsError(
      'MissingAuthenticationTokenException',
      'MissingAuthenticationToken',
      403,
      'Request is missing Authentication Token',
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(body === '' ? '{}' : body);
  } catch {
    input = undefined;
  }
  if (!isObject(input)) {
    throw new SqsError(
      'SerializationException',
      'SerializationException',
      400,
      'The request body is not a JSON object.',
    );
  }
  return { action: target.slice(TARGET_PREFIX.length), input };
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw sqsErrors.batchTooLong(size);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(text);
}

export function sendFault(res: http.ServerResponse, error: SqsError): void {
  const fault = error.status >= 500 ? 'Receiver' : 'Sender';
  sendJson(
    res,
    error.status,
    { __type: `com.amazonaws.sqs#${error.type}`, message: error.message },
    { 'x-amzn-query-error': `${error.queryCode};${fault}` },
  );
}
