/**
 * The benchmark's reference consumer: the deliver function a competent team would write by
 * hand on the AWS SDK clients, the usual way. For each record: the settings from SSM (loaded
 * once per container, the common module-level promise, dropped on failure), one GetItem of the
 * robot's pacing item, one conditional UpdateItem taking a slot (at most 18 sends in 60 s), and
 * one signed markdown POST to the robot with the global `fetch`. A record that cannot go now
 * is reported failed, so SQS offers it again. No digest, no block windows, no dead-lettering.
 * Not shipped: bench/ only.
 */
import { createHmac } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parse } from 'yaml';

interface Robot {
  webhook: string;
  secret?: string;
  keywords: string[];
}

interface Body {
  robot: string;
  event?: { kind?: string; action?: string; repository?: string };
}

const BUDGET = 18;
const WINDOW_MS = 60_000;

const ssm = new SSMClient({});
const dynamo = new DynamoDBClient({});
const path = process.env.SETTINGS_SSM_PATH ?? '/gitee-dingtalk/dev';
const table = process.env.DELIVERY_TABLE ?? '';
let settings: Promise<Map<string, Robot>> | undefined;

async function loadSettings(): Promise<Map<string, Robot>> {
  const values = new Map<string, string>();
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(
      new GetParametersByPathCommand({
        Path: path,
        Recursive: true,
        WithDecryption: true,
        NextToken,
      }),
    );
    for (const { Name, Value } of page.Parameters ?? []) {
      if (Name && Value !== undefined) values.set(Name.slice(path.length + 1), Value);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  const config = (parse(values.get('config') ?? '') ?? {}) as {
    robots?: Record<string, { keywords?: string[] }>;
  };
  const robots = new Map<string, Robot>();
  for (const [key, webhook] of values) {
    const name = /^robots\/([^/]+)\/webhook$/.exec(key)?.[1];
    if (!name) continue;
    const { keywords = [] } = config.robots?.[name] ?? {};
    robots.set(name, { webhook, secret: values.get(`robots/${name}/secret`), keywords });
  }
  return robots;
}

/** Takes a slot in the robot's pacing item; false when the budget is spent or a race is lost. */
async function takeSlot(robot: string): Promise<boolean> {
  const key = { pk: { S: `ref#${robot}` }, sk: { S: 'pace' } };
  const { Item } = await dynamo.send(
    new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
  );
  const now = Date.now();
  const sent = (Item?.sent?.L ?? []).map((v) => Number(v.N)).filter((t) => t > now - WINDOW_MS);
  if (sent.length >= BUDGET) return false;
  const ver = Number(Item?.ver?.N ?? 0);
  try {
    await dynamo.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key,
        UpdateExpression: 'SET sent = :sent, ver = :next',
        ConditionExpression: 'attribute_not_exists(pk) OR ver = :ver',
        ExpressionAttributeValues: {
          ':sent': { L: [...sent, now].map((t) => ({ N: String(t) })) },
          ':next': { N: String(ver + 1) },
          ':ver': { N: String(ver) },
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

function sign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

async function post(robot: Robot, body: Body): Promise<boolean> {
  const url = new URL(robot.webhook);
  if (robot.secret) {
    const timestamp = String(Date.now());
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', sign(timestamp, robot.secret));
  }
  const title = `${robot.keywords[0] ?? 'Gitee'}: ${body.event?.repository ?? 'a repository'}`;
  const text = `#### ${title}\n${body.event?.kind ?? 'event'} ${body.event?.action ?? ''}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'markdown', markdown: { title, text } }),
    signal: AbortSignal.timeout(3000),
  });
  const answer = (await response.json()) as { errcode?: number };
  return answer.errcode === 0;
}

async function deliver(record: SQSRecord): Promise<boolean> {
  settings ??= loadSettings().catch((error: unknown) => {
    settings = undefined;
    throw error;
  });
  const robots = await settings;
  const body = JSON.parse(record.body) as Body;
  const robot = robots.get(body.robot);
  if (!robot) return false;
  if (!(await takeSlot(body.robot))) return false;
  return post(robot, body);
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  // One record after another; once one fails, the rest wait too (FIFO order in the group).
  for (const record of event.Records) {
    const ok =
      batchItemFailures.length === 0 &&
      (await deliver(record).catch((error: unknown) => {
        console.error('deliver', (error as Error).name);
        return false;
      }));
    if (!ok) batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
};
