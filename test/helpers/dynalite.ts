import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Any credentials do: dynalite checks that a request is signed, not the signature. */
export const DYNALITE_CREDENTIALS = {
  accessKeyId: 'AKIATESTDYNALITE01',
  secretAccessKey: 'keytest-dynalite-secret',
};
export const DYNALITE_REGION = 'ap-east-1';

export interface Dynalite {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** The delivery table's name, created (pk S HASH, sk S RANGE) and active. */
  table: string;
  close(): Promise<void>;
}

/**
 * DynamoDB in-process (dynalite: real conditional writes, queries and expressions on LevelDB in
 * memory), with the delivery table of the design created. dynalite never deletes items at their
 * TTL, which is what the stores must cope with anyway: TTL deletes late, so reads treat an
 * item past `expiresAt` as absent. (It has no TTL API either: the real table's TTL is in
 * serverless.yml.)
 */
export async function startDynalite(table = 'gitee-dingtalk-test-delivery'): Promise<Dynalite> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    await createDeliveryTable(endpoint, table);
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, table, close };
}

async function createDeliveryTable(endpoint: string, table: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: DYNALITE_REGION,
    credentials: DYNALITE_CREDENTIALS,
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    client.destroy();
  }
}
