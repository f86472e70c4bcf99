import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Answer, FloorRobot } from './child/protocol';

/**
 * The floor: the least a relay must do per event. Parse the body, verify the Gitee signature,
 * POST one minimal signed message per robot over kept-alive connections and read each answer.
 * No settings, routing, formatting, retries or logging.
 */
export function createFloorHandler(robots: FloorRobot[], giteeSecret: string) {
  const agent = new http.Agent({ keepAlive: true });
  return async (event: APIGatewayProxyEventV2): Promise<Answer> => {
    const payload = JSON.parse(event.body ?? '') as { repository?: { full_name?: string } };
    const timestamp = event.headers['x-gitee-timestamp'] ?? '';
    const token = Buffer.from(event.headers['x-gitee-token'] ?? '');
    const expected = Buffer.from(hmac(timestamp, giteeSecret));
    if (token.length !== expected.length || !timingSafeEqual(token, expected)) {
      return { statusCode: 401, body: '{"error":"invalid signature"}' };
    }
    const text = `Gitee push to ${payload.repository?.full_name ?? '?'}`;
    const errcodes = await Promise.all(robots.map((robot) => post(robot, text, agent)));
    const ok = errcodes.every((errcode) => errcode === 0);
    return { statusCode: ok ? 200 : 502, body: JSON.stringify({ errcodes }) };
  };
}

function hmac(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function post(robot: FloorRobot, text: string, agent: http.Agent): Promise<number> {
  const timestamp = String(Date.now());
  const url = new URL(robot.url);
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('sign', hmac(timestamp, robot.secret));
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: 'Gitee', text } });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errcode: number };
          resolve(answer.errcode);
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
