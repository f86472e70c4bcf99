/**
 * The benchmark's reference: the Gitee → DingTalk relay a competent team would write by hand in
 * one file, the usual way. Settings come from SSM with the AWS SDK on the first invocation and
 * are kept for the container's life (the common pattern: a module-level promise, dropped on
 * failure); `config` is parsed with `yaml`; the Gitee signature is checked; one markdown
 * message goes to each robot with the global `fetch`. Not shipped: bench/ only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { parse } from 'yaml';

interface Robot {
  name: string;
  webhook: string;
  secret?: string;
  keywords: string[];
}

interface Settings {
  giteeSecrets: string[];
  robots: Robot[];
}

interface Push {
  hook_name?: string;
  ref?: string;
  user_name?: string;
  repository?: { full_name?: string; html_url?: string };
  commits?: { id: string; message: string; url: string; author?: { name?: string } }[];
}

const ssm = new SSMClient({});
const path = process.env.SETTINGS_SSM_PATH ?? '/gitee-dingtalk/dev';
let settings: Promise<Settings> | undefined;

async function loadSettings(): Promise<Settings> {
  const values = new Map<string, string>();
  let NextToken: string | undefined;
  do {
    const command = new GetParametersByPathCommand({
      Path: path,
      Recursive: true,
      WithDecryption: true,
      NextToken,
    });
    const page = await ssm.send(command);
    for (const { Name, Value } of page.Parameters ?? []) {
      if (Name && Value !== undefined) values.set(Name.slice(path.length + 1), Value);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  const config = (parse(values.get('config') ?? '') ?? {}) as {
    robots?: Record<string, { keywords?: string[] }>;
  };
  const robots: Robot[] = [];
  for (const [key, webhook] of values) {
    const name = /^robots\/([^/]+)\/webhook$/.exec(key)?.[1];
    if (!name) continue;
    const { keywords = [] } = config.robots?.[name] ?? {};
    robots.push({ name, webhook, secret: values.get(`robots/${name}/secret`), keywords });
  }
  const giteeSecrets = (values.get('gitee/secret') ?? '').split('\n').map((s) => s.trim());
  return { giteeSecrets: giteeSecrets.filter(Boolean), robots };
}

function sign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function verify(event: APIGatewayProxyEventV2, secrets: string[]): boolean {
  const token = Buffer.from(event.headers['x-gitee-token'] ?? '');
  const timestamp = event.headers['x-gitee-timestamp'] ?? '';
  if (Math.abs(Date.now() - Number(timestamp)) > 3600_000) return false;
  return secrets.some((secret) => {
    const expected = Buffer.from(sign(timestamp, secret));
    return expected.length === token.length && timingSafeEqual(expected, token);
  });
}

function formatMessage(push: Push, keywords: string[]) {
  const repo = push.repository?.full_name ?? 'unknown repository';
  const title = `${keywords[0] ?? 'Gitee'}: ${repo}`;
  const branch = (push.ref ?? '').replace('refs/heads/', '');
  const lines = (push.commits ?? []).map(
    (c) =>
      `- [${c.id.slice(0, 7)}](${c.url}) ${c.message.split('\n')[0]} (${c.author?.name ?? ''})`,
  );
  const heading = `#### ${title}\n${push.user_name ?? 'someone'} pushed to ${branch}`;
  return { msgtype: 'markdown', markdown: { title, text: [heading, ...lines].join('\n') } };
}

async function send(robot: Robot, message: object) {
  const url = new URL(robot.webhook);
  if (robot.secret) {
    const timestamp = String(Date.now());
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', sign(timestamp, robot.secret));
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(3000),
    });
    const answer = (await response.json()) as { errcode?: number; errmsg?: string };
    return { robot: robot.name, ok: answer.errcode === 0, errmsg: answer.errmsg };
  } catch (error) {
    return { robot: robot.name, ok: false, errmsg: (error as Error).name };
  }
}

function json(statusCode: number, body: object): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const started = Date.now();
  settings ??= loadSettings().catch((error: unknown) => {
    settings = undefined;
    throw error;
  });
  let loaded: Settings;
  try {
    loaded = await settings;
  } catch (error) {
    console.error('settings', (error as Error).name);
    return json(500, { error: 'settings unavailable' });
  }
  if (!verify(event, loaded.giteeSecrets)) return json(401, { error: 'invalid signature' });
  const body = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString()
    : event.body;
  let push: Push;
  try {
    push = JSON.parse(body ?? '') as Push;
  } catch {
    return json(400, { error: 'body is not JSON' });
  }
  const results = await Promise.all(
    loaded.robots.map((r) => send(r, formatMessage(push, r.keywords))),
  );
  const ok = results.every((result) => result.ok);
  const repository = push.repository?.full_name;
  console.log(
    JSON.stringify({ event: push.hook_name, repository, results, ms: Date.now() - started }),
  );
  return json(ok ? 200 : 502, { status: ok ? 'delivered' : 'failed', deliveries: results });
};
