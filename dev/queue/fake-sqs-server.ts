/**
 * A loopback Amazon SQS speaking the JSON 1.0 protocol over the SQS model, as the real
 * @aws-sdk/client-sqs (3.447.0 and later) and the project's signed JSON client send it:
 * POST /, `x-amz-target: AmazonSQS.<Action>`, `content-type: application/x-amz-json-1.0`.
 * Errors are 4xx/5xx `{"__type":"com.amazonaws.sqs#<Type>","message":…}` plus the
 * `x-amzn-query-error: <code>;Sender` header the SDK maps to its exception classes.
 * Answers carry MD5OfMessageBody / MD5OfBody (the SDK checks them) and MD5OfMessageAttributes.
 *
 * Queue URLs it answers point at this server (`<origin>/<account>/<name>`): the SDK sends a
 * call to its QueueUrl's host even when AWS_ENDPOINT_URL_SQS names another. Requests must
 * be signed (an Authorization header), but signatures are not checked. ReceiveMessage long
 * polls in real time: it waits up to WaitTimeSeconds for the model to change (or, on a
 * virtual clock, for time to be advanced), checking every 20 ms.
 */
import type http from 'node:http';
import type { Input } from './fake-sqs-input';
import { OPERATIONS, readReceiveInput } from './fake-sqs-operations';
import { parseRequest, readBody, sendFault, sendJson } from './fake-sqs-wire';
import { listenOnLoopback } from '../fakes/loopback-fake';
import { SqsError, sqsErrors } from './sqs-errors';
import { createSqsModel, type SqsModel, type SqsModelOptions } from './sqs-model';

const POLL_TICK_MS = 20;

export interface FakeSqsOptions extends SqsModelOptions {
  /** Serve an existing model (shared with in-process pollers); otherwise a new one. */
  model?: SqsModel;
  /** Test-only hook: each raw request, e.g. to compare what two clients signed. */
  onRawRequest?: (request: { headers: http.IncomingHttpHeaders; body: string }) => void;
}

export interface FakeSqs {
  /** http://127.0.0.1:<port> — for `endpoint` or AWS_ENDPOINT_URL_SQS. */
  endpoint: string;
  model: SqsModel;
  /** A queue's URL on this server. */
  queueUrl(name: string): string;
  /** Every call received, in order: its action and JSON input. */
  calls: Array<{ action: string; input: Input }>;
  /** The next `count` calls of `action` ('*': any) fail with this error (default a 503). */
  failNext(action: string, count: number, error?: () => SqsError): void;
  /** While down, every call answers 503 ServiceUnavailable. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startFakeSqs(options: FakeSqsOptions = {}): Promise<FakeSqs> {
  const model = options.model ?? createSqsModel(options);
  const faults: Array<{ action: string; remaining: number; error: () => SqsError }> = [];
  let down = false;
  const calls: FakeSqs['calls'] = [];
  const takeFault = (action: string): SqsError | undefined => {
    if (down) return sqsErrors.serviceUnavailable();
    const fault = faults.find((f) => f.remaining > 0 && (f.action === action || f.action === '*'));
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    return fault.error();
  };
  let origin = '';
  const server = await listenOnLoopback((req, res) => {
    readBody(req)
      .then(async (body) => {
        options.onRawRequest?.({ headers: { ...req.headers }, body });
        const { action, input } = parseRequest(req, body);
        calls.push({ action, input });
        const fault = takeFault(action);
        if (fault !== undefined) throw fault;
        const output =
          action === 'ReceiveMessage'
            ? await longPoll(model, input, res)
            : runOperation(model, action, input, origin);
        sendJson(res, 200, output ?? {});
      })
      .catch((error: unknown) => {
        const fault =
          error instanceof SqsError
            ? error
            : new SqsError('InternalError', 'InternalError', 500, 'The fake SQS failed.');
        if (!(error instanceof SqsError)) console.error('fake SQS failed', error);
        if (!res.headersSent && !res.destroyed) sendFault(res, fault);
      });
  });
  origin = server.origin;
  return {
    endpoint: origin,
    model,
    queueUrl: (name) => model.queueUrl(name, origin),
    calls,
    failNext(action, count, error = sqsErrors.serviceUnavailable) {
      faults.push({ action, remaining: count, error });
    },
    setDown(value) {
      down = value;
    },
    close: () => server.close(),
  };
}

function runOperation(model: SqsModel, action: string, input: Input, origin: string): unknown {
  const operation = OPERATIONS[action];
  if (operation === undefined) {
    throw new SqsError(
      'UnsupportedOperation',
      'AWS.SimpleQueueService.UnsupportedOperation',
      400,
      `The fake SQS does not implement ${action}.`,
    );
  }
  return operation(model, input, origin);
}

/** ReceiveMessage: answers at once when something is receivable, else waits for a change. */
async function longPoll(model: SqsModel, input: Input, res: http.ServerResponse): Promise<unknown> {
  const request = readReceiveInput(input);
  const first = model.receiveMessage(request);
  const queueWait = model.getQueueAttributes({
    QueueUrl: request.QueueUrl,
    AttributeNames: ['ReceiveMessageWaitTimeSeconds'],
  }).Attributes.ReceiveMessageWaitTimeSeconds;
  const waitMs = (request.WaitTimeSeconds ?? Number(queueWait ?? 0)) * 1000;
  if (first.Messages.length > 0 || waitMs === 0) return first;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && !res.destroyed) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, POLL_TICK_MS);
      const unsubscribe = model.onChange(done);
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
    const next = model.receiveMessage(request);
    if (next.Messages.length > 0) return next;
  }
  return { Messages: [] };
}
