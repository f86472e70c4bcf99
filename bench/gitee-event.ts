import { createHmac } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** X-Gitee-Token in signing-key mode: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)). */
export function giteeToken(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/**
 * A push delivery as API Gateway (HTTP API, payload v2) hands it to the Lambda, signed the way
 * gitee.com signs it. Every event of a run gets its own millisecond, so the relay's duplicate
 * suppression never mistakes two benchmark events for one.
 */
export function signedPushEvent(
  body: string,
  secret: string,
  timestamp: number,
): APIGatewayProxyEventV2 {
  const ts = String(timestamp);
  const path = '/webhooks/gitee';
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'git-oschina-hook',
      'x-gitee-event': 'Push Hook',
      'x-gitee-ping': 'false',
      'x-gitee-token': giteeToken(ts, secret),
      'x-gitee-timestamp': ts,
    },
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.execute-api.ap-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: {
        method: 'POST',
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'git-oschina-hook',
      },
      requestId: `bench-${ts}`,
      routeKey: `POST ${path}`,
      stage: '$default',
      time: new Date(timestamp).toUTCString(),
      timeEpoch: timestamp,
    },
  };
}
