import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Answer, QueueFloorTarget } from './child/protocol';

/**
 * The queue-mode floor: the least a queueing webhook must do per event. Parse the body,
 * verify the Gitee signature, and put one message on the FIFO queue with one SigV4-signed
 * SendMessage (JSON 1.0) over a kept-alive connection, reading SQS's answer. No settings,
 * routing, description, replay record or logging.
 */
export function createQueueFloorHandler(target: QueueFloorTarget, giteeSecret: string) {
  const agent = new http.Agent({ keepAlive: true });
  const endpoint = new URL(target.endpoint);
  return async (event: APIGatewayProxyEventV2): Promise<Answer> => {
    const payload = JSON.parse(event.body ?? '') as { after?: string; repository?: unknown };
    const timestamp = event.headers['x-gitee-timestamp'] ?? '';
    const token = Buffer.from(event.headers['x-gitee-token'] ?? '');
    const expected = Buffer.from(giteeHmac(timestamp, giteeSecret));
    if (token.length !== expected.length || !timingSafeEqual(token, expected)) {
      return { statusCode: 401, body: '{"error":"invalid signature"}' };
    }
    const body = JSON.stringify({
      QueueUrl: target.queueUrl,
      MessageGroupId: 'r-floor',
      MessageDeduplicationId: `${timestamp}-${payload.after ?? ''}`,
      MessageBody: JSON.stringify({ v: 1, repository: payload.repository }),
    });
    const status = await sendSigned(endpoint, body, target, agent);
    return status === 200
      ? { statusCode: 202, body: '{"status":"queued"}' }
      : { statusCode: 503, body: '{"error":"queue unavailable"}' };
  };
}

function giteeHmac(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** AWS Signature Version 4 of one JSON POST to `/`, written out (what any SQS client does). */
function signedHeaders(endpoint: URL, body: string, target: QueueFloorTarget) {
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.0',
    host: endpoint.host,
    'x-amz-date': amzDate,
    'x-amz-security-token': target.credentials.sessionToken,
    'x-amz-target': 'AmazonSQS.SendMessage',
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    '/',
    '',
    ...names.map((name) => `${name}:${headers[name]}`),
    '',
    names.join(';'),
    sha256(body),
  ].join('\n');
  const scope = `${day}/${target.region}/sqs/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${target.credentials.secretAccessKey}`, day);
  for (const part of [target.region, 'sqs', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${target.credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return headers;
}

function sendSigned(
  endpoint: URL,
  body: string,
  target: QueueFloorTarget,
  agent: http.Agent,
): Promise<number> {
  const headers = signedHeaders(endpoint, body, target);
  return new Promise((resolve, reject) => {
    const request = http.request(
      endpoint,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          // SQS answers the MessageId (and MD5 of the body) a client reads back.
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            MessageId?: string;
          };
          resolve(answer.MessageId ? (response.statusCode ?? 0) : 0);
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
