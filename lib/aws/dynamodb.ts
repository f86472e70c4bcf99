import { isRecord } from '../json-record';
import { marshallMap, unmarshallMap, type StoredMap, type StoredValue } from './dynamodb-marshal';
import { resolveDynamoEndpoint } from './endpoint';
import { createAwsJsonClient, type AwsServiceClientDeps, type CallOptions } from './json-client';
import { AwsServiceError } from './service-error';
import { createAwsJsonSigner } from './sign-json-request';

/** AWS_ENDPOINT_URL_DYNAMODB or AWS_ENDPOINT_URL as `endpoint`; default the regional one. */
export type DynamoClientDeps = AwsServiceClientDeps;

/** An expression's placeholders: `#name` → attribute name, `:value` → a plain value. */
export interface Expression {
  names?: Record<string, string>;
  values?: Record<string, StoredValue>;
}

export interface WriteOptions extends Expression, CallOptions {
  condition?: string;
}

export interface QueryInput extends Expression, CallOptions {
  keyCondition: string;
  filter?: string;
  limit?: number;
  consistentRead?: boolean;
  startKey?: StoredMap;
}

export interface QueryPage {
  items: StoredMap[];
  /** Where the next page starts; absent on the last page. */
  lastKey?: StoredMap;
}

/**
 * The DynamoDB actions the delivery table needs, in the JSON 1.0 protocol
 * (`DynamoDB_20120810.<Action>`), taking and answering plain values (lib/aws/dynamodb-marshal.ts).
 * A failed condition rejects with AwsServiceError `ConditionalCheckFailedException` (see
 * isConditionFailure), never retried. Fields go in the SDK's order so bodies match it exactly.
 */
export interface DynamoClient {
  getItem(
    table: string,
    key: StoredMap,
    options?: CallOptions & { consistentRead?: boolean },
  ): Promise<StoredMap | null>;
  putItem(table: string, item: StoredMap, options?: WriteOptions): Promise<void>;
  updateItem(table: string, key: StoredMap, update: string, options?: WriteOptions): Promise<void>;
  deleteItem(table: string, key: StoredMap, options?: WriteOptions): Promise<void>;
  query(table: string, input: QueryInput): Promise<QueryPage>;
}

export function createDynamoClient(deps: DynamoClientDeps): DynamoClient {
  const { region, credentials, endpoint, ...transport } = deps;
  const call = createAwsJsonClient({
    ...transport,
    label: 'DynamoDB',
    url: resolveDynamoEndpoint(region, endpoint),
    targetPrefix: 'DynamoDB_20120810',
    sign: createAwsJsonSigner({
      service: 'dynamodb',
      region,
      credentials,
      version: '1.0',
    }),
  });
  return {
    async getItem(table, key, options = {}) {
      const input = {
        TableName: table,
        Key: marshallMap(key),
        ...consistent(options.consistentRead),
      };
      const { Item: item } = await call('GetItem', input, options);
      return item === undefined ? null : unmarshallMap(item);
    },
    async putItem(table, item, options = {}) {
      const input = { TableName: table, Item: marshallMap(item), ...written(options) };
      await call('PutItem', input, options);
    },
    async updateItem(table, key, update, options = {}) {
      const { ConditionExpression, ...placeholders } = written(options);
      const input = {
        TableName: table,
        Key: marshallMap(key),
        UpdateExpression: update,
        ...(ConditionExpression === undefined ? {} : { ConditionExpression }),
        ...placeholders,
      };
      await call('UpdateItem', input, options);
    },
    async deleteItem(table, key, options = {}) {
      const input = { TableName: table, Key: marshallMap(key), ...written(options) };
      await call('DeleteItem', input, options);
    },
    async query(table, query) {
      const output = await call('Query', queryFields(table, query), query);
      const items = Array.isArray(output.Items) ? output.Items.map(unmarshallMap) : [];
      const lastKey = isRecord(output.LastEvaluatedKey)
        ? unmarshallMap(output.LastEvaluatedKey)
        : undefined;
      return lastKey ? { items, lastKey } : { items };
    },
  };
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof AwsServiceError && error.name === 'ConditionalCheckFailedException';
}

function consistent(read: boolean | undefined) {
  return read === undefined ? {} : { ConsistentRead: read };
}

/** ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues: the SDK's order. */
function written(options: WriteOptions) {
  return {
    ...(options.condition === undefined ? {} : { ConditionExpression: options.condition }),
    ...placeholderFields(options),
  };
}

function placeholderFields({ names, values }: Expression) {
  return {
    ...(names === undefined ? {} : { ExpressionAttributeNames: names }),
    ...(values === undefined ? {} : { ExpressionAttributeValues: marshallMap(values) }),
  };
}

/** Limit, ConsistentRead, ExclusiveStartKey, FilterExpression, KeyConditionExpression, …: the SDK's order. */
function queryFields(table: string, query: QueryInput) {
  return {
    TableName: table,
    ...(query.limit === undefined ? {} : { Limit: query.limit }),
    ...consistent(query.consistentRead),
    ...(query.startKey === undefined ? {} : { ExclusiveStartKey: marshallMap(query.startKey) }),
    ...(query.filter === undefined ? {} : { FilterExpression: query.filter }),
    KeyConditionExpression: query.keyCondition,
    ...placeholderFields(query),
  };
}
