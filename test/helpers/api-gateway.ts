import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signTimestamp } from '../../lib/crypto/hmac';
import { giteeHeadersFor } from './fixtures';

/** An HTTP API (payload v2) event as API Gateway hands it to the Lambda. */
export function httpApiEvent(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/webhooks/gitee';
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: options.headers ?? {},
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'git-oschina-hook',
      },
      requestId: 'req',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '26/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

/**
 * A Gitee delivery signed in signing-key mode, the way gitee.com sends it: a payload object
 * also gets the X-Gitee-Event and X-Gitee-Ping headers Gitee sends with it. The timestamp
 * defaults to now, and never to one an earlier call used: one signature is one delivery, so two
 * events built in the same millisecond would otherwise be refused as a replay.
 */
export function signedGiteeEvent(options: {
  body: Record<string, unknown> | string;
  secret: string;
  timestamp?: number;
  headers?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const ts = String(options.timestamp ?? uniqueNow());
  const token = signTimestamp(ts, options.secret);
  const body =
    typeof options.body === 'string'
      ? options.body
      : JSON.stringify({ ...options.body, timestamp: ts, sign: token });
  return httpApiEvent({
    headers: {
      'content-type': 'application/json',
      'user-agent': 'git-oschina-hook',
      'x-gitee-token': token,
      'x-gitee-timestamp': ts,
      ...(typeof options.body === 'string' ? {} : giteeHeadersFor(options.body)),
      ...options.headers,
    },
    body,
  });
}

let lastDefaultTimestamp = 0;

/** Now, but never the same value twice in a test run: two deliveries must not share a signature. */
export function uniqueNow(): number {
  lastDefaultTimestamp = Math.max(Date.now(), lastDefaultTimestamp + 1);
  return lastDefaultTimestamp;
}
