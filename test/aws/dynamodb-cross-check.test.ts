import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createDynamoClient, type DynamoClient } from '../../lib/aws/dynamodb';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import {
  comparableHeaders,
  LAMBDA_CREDENTIALS,
  LONG_TERM_CREDENTIALS,
  parseAmzDate,
  startCaptureServer,
  type CaptureServer,
  type TestCredentials,
} from './capture-server';
import { dropSdkBookkeeping } from './sdk-bookkeeping';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const TABLE = 'gitee-dingtalk-test-delivery';
const GROUP = 'r-0123456789abcdef';

interface Operation {
  sdk: (client: DynamoDBClient) => Promise<unknown>;
  ours: (dynamo: DynamoClient) => Promise<unknown>;
}

/** The SDK side is written in DynamoDB's own typed form, by hand, not with our marshalling. */
const OPERATIONS: Record<string, Operation> = {
  'GetItem, consistent': {
    sdk: (client) =>
      client.send(
        new GetItemCommand({
          TableName: TABLE,
          Key: { pk: { S: GROUP }, sk: { S: 'pace' } },
          ConsistentRead: true,
        }),
      ),
    ours: (dynamo) => dynamo.getItem(TABLE, { pk: GROUP, sk: 'pace' }, { consistentRead: true }),
  },
  'PutItem with a condition, every stored type': {
    sdk: (client) =>
      client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: {
            pk: { S: GROUP },
            sk: { S: 'pace' },
            robot: { S: '团队 team' },
            sent: { L: [{ N: '1764197706000' }, { N: '1764197707500' }] },
            blockedUntil: { N: '0' },
            lastError: {
              M: { reason: { S: 'keyword' }, errcode: { N: '310000' }, at: { N: '1' } },
            },
            flag: { BOOL: true },
            none: { NULL: true },
            ver: { N: '3' },
            expiresAt: { N: '1765407306.5' },
          },
          ConditionExpression: '#ver = :ver AND #expiresAt >= :now',
          ExpressionAttributeNames: { '#ver': 'ver', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: { ':ver': { N: '2' }, ':now': { N: '1764197706' } },
        }),
      ),
    ours: (dynamo) =>
      dynamo.putItem(
        TABLE,
        {
          pk: GROUP,
          sk: 'pace',
          robot: '团队 team',
          sent: [1764197706000, 1764197707500],
          blockedUntil: 0,
          lastError: { reason: 'keyword', errcode: 310000, at: 1 },
          flag: true,
          none: null,
          absent: undefined,
          ver: 3,
          expiresAt: 1765407306.5,
        },
        {
          condition: '#ver = :ver AND #expiresAt >= :now',
          names: { '#ver': 'ver', '#expiresAt': 'expiresAt' },
          values: { ':ver': 2, ':now': 1764197706 },
        },
      ),
  },
  UpdateItem: {
    sdk: (client) =>
      client.send(
        new UpdateItemCommand({
          TableName: TABLE,
          Key: { pk: { S: GROUP }, sk: { S: 'pending#0001' } },
          UpdateExpression: 'SET #attempts = #attempts + :one',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#attempts': 'attempts', '#pk': 'pk' },
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      ),
    ours: (dynamo) =>
      dynamo.updateItem(
        TABLE,
        { pk: GROUP, sk: 'pending#0001' },
        'SET #attempts = #attempts + :one',
        {
          condition: 'attribute_exists(#pk)',
          names: { '#attempts': 'attempts', '#pk': 'pk' },
          values: { ':one': 1 },
        },
      ),
  },
  'Query with a filter, a limit and a start key': {
    sdk: (client) =>
      client.send(
        new QueryCommand({
          TableName: TABLE,
          Limit: 10,
          ConsistentRead: true,
          ExclusiveStartKey: { pk: { S: GROUP }, sk: { S: 'pending#0009' } },
          FilterExpression: '#expiresAt >= :now',
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: {
            ':pk': { S: GROUP },
            ':prefix': { S: 'pending#' },
            ':now': { N: '1764197706' },
          },
        }),
      ),
    ours: (dynamo) =>
      dynamo.query(TABLE, {
        keyCondition: '#pk = :pk AND begins_with(#sk, :prefix)',
        filter: '#expiresAt >= :now',
        names: { '#pk': 'pk', '#sk': 'sk', '#expiresAt': 'expiresAt' },
        values: { ':pk': GROUP, ':prefix': 'pending#', ':now': 1764197706 },
        limit: 10,
        consistentRead: true,
        startKey: { pk: GROUP, sk: 'pending#0009' },
      }),
  },
  DeleteItem: {
    sdk: (client) =>
      client.send(
        new DeleteItemCommand({
          TableName: TABLE,
          Key: { pk: { S: GROUP }, sk: { S: 'pending#0001' } },
        }),
      ),
    ours: (dynamo) => dynamo.deleteItem(TABLE, { pk: GROUP, sk: 'pending#0001' }),
  },
};

const CREDENTIALS: Record<string, TestCredentials> = {
  'temporary credentials': LAMBDA_CREDENTIALS,
  'long-term credentials': LONG_TERM_CREDENTIALS,
};
type Case = [operation: string, region: string, credentials: string];
const CASES: Case[] = [
  ...Object.keys(OPERATIONS).map((op): Case => [op, 'ap-east-1', 'temporary credentials']),
  ['PutItem with a condition, every stored type', 'cn-northwest-1', 'long-term credentials'],
  ['Query with a filter, a limit and a start key', 'us-east-1', 'long-term credentials'],
];

describe('the DynamoDB client sends exactly what the AWS SDK DynamoDBClient sends', () => {
  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer(() => ({ body: {} }));
  });
  afterEach(() => server.close());

  it.each(CASES)('%s in %s, %s', async (op, region, label) => {
    const operation = OPERATIONS[op]!;
    const credentials = CREDENTIALS[label]!;
    const sdk = new DynamoDBClient({
      region,
      credentials,
      endpoint: server.endpoint,
      maxAttempts: 1,
    });
    dropSdkBookkeeping(sdk.middlewareStack);
    try {
      await operation.sdk(sdk);
    } finally {
      sdk.destroy();
    }
    const [theirs] = server.requests;
    const signedAt = parseAmzDate(theirs?.headers['x-amz-date']);

    const ours = createDynamoClient({
      region,
      credentials,
      endpoint: server.endpoint,
      now: () => signedAt,
      post: createKeepAliveHttpPost(),
    });
    await operation.ours(ours);
    const [, mine] = server.requests;

    expect(mine?.method).toBe(theirs?.method);
    expect(mine?.path).toBe(theirs?.path);
    expect(JSON.parse(mine?.body ?? '')).toEqual(JSON.parse(theirs?.body ?? ''));
    expect(mine?.body).toBe(theirs?.body);
    expect(comparableHeaders(mine!.headers)).toEqual(comparableHeaders(theirs!.headers));
    expect(theirs?.headers.authorization).toMatch(
      `/${region}/dynamodb/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;${credentials.sessionToken ? 'x-amz-security-token;' : ''}x-amz-target, Signature=`,
    );
    expect(mine?.headers.authorization).toBe(theirs?.headers.authorization);
  });
});
