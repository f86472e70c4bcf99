import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  OPERATIONS,
  SsmFault,
  type Store,
  type StoredParameter,
  type StoredType,
} from './fake-ssm/operations';

/**
 * A loopback SSM Parameter Store speaking the AWS JSON 1.1 protocol as the real SDK sends it:
 * POST /, `x-amz-target: AmazonSSM.<Operation>`, errors as `{"__type": …}` plus the
 * `x-amzn-errortype` header. Reach it with `new SSMClient({ endpoint })` or
 * `AWS_ENDPOINT_URL_SSM`; any credentials do (signatures are not checked, only present).
 * Tests should pass `maxAttempts: 1` when they inject 5xx faults, or the SDK backs off and retries.
 */
export interface FakeSsm {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** Every request received, in order, with its JSON input (tests assert on calls and paging). */
  calls: Array<{ op: string; input: Record<string, unknown> }>;
  set(name: string, value: string, type?: StoredType): void;
  delete(name: string): void;
  /** The stored parameter, to check what a client wrote (value, type, version). */
  get(name: string): StoredParameter | undefined;
  /**
   * Answer the next `count` calls of `op` ('*' for any) with this error type; with `name`,
   * only calls that name that parameter (`Name`, or one of `Names`). This assumes what real
   * SSM does: each call stands alone and a refused one changes nothing, so one call can fail
   * among calls that succeed (an IAM policy or KMS key scoped to some parameters, throttling).
   */
  failNext(op: string, count: number, errorType: string, name?: string): void;
  /** While down, every request gets 500 InternalServerError. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export type FakeSsmInitial = Record<string, { value: string; type?: 'String' | 'SecureString' }>;

/** A request exactly as it arrived, headers and body, before the fake reads it. */
export interface RawSsmRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeSsmOptions {
  /**
   * Test-only hook: sees each raw request, e.g. to compare what two clients signed. The fake
   * never checks signatures itself; it holds no secrets worth protecting, only test values.
   */
  onRawRequest?: (request: RawSsmRequest) => void;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 1024 * 1024;
const STATUS_OF: Record<string, number> = { InternalServerError: 500, ServiceUnavailable: 503 };

export async function startFakeSsm(
  initial: FakeSsmInitial = {},
  options: FakeSsmOptions = {},
): Promise<FakeSsm> {
  const store: Store = new Map();
  const set = (name: string, value: string, type: StoredType = 'String') => {
    const version = (store.get(name)?.version ?? 0) + 1;
    store.set(name, { value, type, version, lastModified: Date.now() });
  };
  for (const [name, { value, type }] of Object.entries(initial)) set(name, value, type);
  const calls: FakeSsm['calls'] = [];
  const faults = createFaultInjector();

  const server = createServer((request, response) => {
    handle(request, response, store, calls, faults.take, options.onRawRequest).catch(() => {
      if (!response.headersSent)
        sendFault(response, new SsmFault('InternalServerError', 'fake SSM failed', 500));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    set,
    delete: (name) => void store.delete(name),
    get: (name) => store.get(name),
    failNext: faults.failNext,
    setDown: faults.setDown,
    close: () =>
      new Promise<void>((resolve) => {
        // The SDK keeps connections alive; without this close() waits for them to idle out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Injected failures: the next N calls of an operation, or everything while "down". */
function createFaultInjector() {
  const pending: Array<{ op: string; remaining: number; errorType: string; name?: string }> = [];
  let down = false;
  const names = (input: Record<string, unknown>) =>
    [input.Name, ...(Array.isArray(input.Names) ? input.Names : [])].filter(
      (name) => typeof name === 'string',
    );
  return {
    failNext(op: string, count: number, errorType: string, name?: string) {
      pending.push({ op, remaining: count, errorType, name });
    },
    setDown(value: boolean) {
      down = value;
    },
    take(op: string, input: Record<string, unknown>): SsmFault | undefined {
      if (down) return new SsmFault('InternalServerError', 'The service is down (fake).', 500);
      const fault = pending.find(
        (f) =>
          f.remaining > 0 &&
          (f.op === op || f.op === '*') &&
          (f.name === undefined || names(input).includes(f.name)),
      );
      if (!fault) return undefined;
      fault.remaining -= 1;
      const status = STATUS_OF[fault.errorType] ?? 400;
      return new SsmFault(fault.errorType, `Injected ${fault.errorType} (fake).`, status);
    },
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  store: Store,
  calls: FakeSsm['calls'],
  takeFault: (op: string, input: Record<string, unknown>) => SsmFault | undefined,
  onRawRequest: FakeSsmOptions['onRawRequest'],
): Promise<void> {
  const target = String(request.headers['x-amz-target'] ?? '');
  const op = target.startsWith('AmazonSSM.') ? target.slice('AmazonSSM.'.length) : target;
  const body = await readBody(request);
  onRawRequest?.({ headers: { ...request.headers }, body });
  let input: Record<string, unknown> = {};
  try {
    input = parseInput(request, body);
    calls.push({ op, input });
    const fault = takeFault(op, input);
    if (fault) throw fault;
    const operation = OPERATIONS[op];
    if (!operation) throw new SsmFault('UnknownOperationException', `Unknown operation ${target}`);
    sendJson(response, 200, operation(store, input) ?? {});
  } catch (error) {
    if (!(error instanceof SsmFault)) throw error;
    sendFault(response, error);
  }
}

function parseInput(request: IncomingMessage, body: string): Record<string, unknown> {
  if (request.method !== 'POST' || request.url !== '/') {
    throw new SsmFault('UnknownOperationException', 'SSM answers POST / only');
  }
  if (!request.headers.authorization) {
    throw new SsmFault('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  try {
    const input: unknown = JSON.parse(body || '{}');
    if (input && typeof input === 'object' && !Array.isArray(input))
      return input as Record<string, unknown>;
  } catch {
    // Refused below.
  }
  throw new SsmFault('SerializationException', 'The request body is not a JSON object.');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  response.end(text);
}

function sendFault(response: ServerResponse, fault: SsmFault): void {
  sendJson(
    response,
    fault.status,
    { __type: fault.type, message: fault.message },
    { 'x-amzn-errortype': fault.type },
  );
}
