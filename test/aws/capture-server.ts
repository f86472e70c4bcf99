import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CannedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface CaptureServer {
  endpoint: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback server that keeps every request and answers from `answer(target, input)`: enough
 * for two clients to send the same call and have their bytes compared. It checks nothing.
 */
export async function startCaptureServer(
  answer: (target: string, input: unknown) => CannedAnswer,
): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const captured = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      };
      requests.push(captured);
      const target = String(request.headers['x-amz-target'] ?? '');
      const canned = answer(target, body ? JSON.parse(body) : undefined);
      response.writeHead(canned.status ?? 200, {
        'content-type': String(request.headers['content-type'] ?? 'application/json'),
        ...canned.headers,
      });
      response.end(JSON.stringify(canned.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `20261126T225506Z` → epoch milliseconds: our client then signs at the SDK's moment. */
export function parseAmzDate(value: unknown): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(value));
  if (!match) throw new Error(`not an x-amz-date: ${String(value)}`);
  const [, year, month, day, hours, minutes, seconds] = match.map(Number);
  return Date.UTC(year!, month! - 1, day!, hours!, minutes!, seconds!);
}

/**
 * Headers the SDK adds for its own bookkeeping (user agent, invocation id, attempt count). A
 * middleware drops them before the SDK signs, so everything else signed must match ours.
 */
export const SDK_BOOKKEEPING = ['x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request'];

/** Transport headers each HTTP stack sets its own way, never signed. */
const TRANSPORT = ['user-agent', 'connection'];

export function comparableHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT.includes(name)));
}

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const LAMBDA_CREDENTIALS: TestCredentials = {
  accessKeyId: 'ASIATESTLAMBDA0001',
  secretAccessKey: 'keytest-lambda/secret+0001',
  sessionToken: 'tokentest-IQoJb3JpZ2luX2Vj//session+token=',
};
export const LONG_TERM_CREDENTIALS: TestCredentials = {
  accessKeyId: 'AKIATESTUSER0001',
  secretAccessKey: 'keytest-user-secret-0002',
};
