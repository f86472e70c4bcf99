import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { JsonResponse } from '../lib/http/json-response';

/**
 * A Node request as the HTTP API (payload v2) event API Gateway would hand the Lambda, so the
 * playground runs the Lambda handlers unchanged. Header names are lower-cased and repeated
 * headers joined with commas, as API Gateway does; a body that is not valid UTF-8 arrives
 * base64-encoded, as API Gateway sends binary bodies.
 */
export function toApiGatewayEvent(
  req: http.IncomingMessage,
  body: Buffer,
  now: number,
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const text = body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(body);
  const routeKey = `${method} ${url.pathname}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    headers,
    body: body.length === 0 ? undefined : isText ? text : body.toString('base64'),
    isBase64Encoded: body.length > 0 && !isText,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
  };
}

/** Writes a Lambda's structured answer as the HTTP response API Gateway would send. */
export function writeLambdaAnswer(res: http.ServerResponse, answer: JsonResponse): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name] = String(value);
  res.writeHead(answer.statusCode, headers);
  res.end(answer.isBase64Encoded ? Buffer.from(answer.body, 'base64') : answer.body);
}

/** The whole request body, refusing more than `maxBytes` (API Gateway's limit is 10 MB). */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
