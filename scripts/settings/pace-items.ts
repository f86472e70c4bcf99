import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshallMap, type StoredMap } from '../../lib/aws/dynamodb-marshal';
import type { PaceRecord } from '../../lib/delivery/ports';
import { describeAwsError } from '../../lib/settings/ssm-error';
import { paceOfItem } from '../../lib/store/table-items';
import { isExpired, PACE_SORT_KEY } from '../../lib/store/table-ttl';
import { CliError } from './output';

export interface RobotPace {
  /** The robot group id (`r-` + 16 hex): a hash, never the credential. */
  group: string;
  pace: PaceRecord;
}

/**
 * Every robot's pacing item, read with a Scan (the operator's role, not the functions'): the
 * table holds one per robot group plus its pending events, so it stays small. Items past their
 * TTL are left out, as the stores leave them out.
 */
export async function scanPaceItems(
  dynamo: DynamoDBClient,
  table: string,
  now: number,
): Promise<RobotPace[]> {
  const robots: RobotPace[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo
      .send(
        new ScanCommand({
          TableName: table,
          FilterExpression: '#sk = :pace',
          ExpressionAttributeNames: { '#sk': 'sk' },
          ExpressionAttributeValues: { ':pace': { S: PACE_SORT_KEY } },
          ExclusiveStartKey: startKey,
        }),
      )
      .catch((error: unknown) => {
        throw new CliError(`${describeAwsError('DynamoDB', 'Scan', error)} on table ${table}`);
      });
    for (const raw of page.Items ?? []) robots.push(...livePace(unmarshallMap(raw), now));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return robots.sort((a, b) => a.pace.robot.localeCompare(b.pace.robot));
}

function livePace(item: StoredMap, now: number): RobotPace[] {
  const { pk, expiresAt } = item;
  if (typeof pk !== 'string') return [];
  if (typeof expiresAt === 'number' && isExpired(expiresAt, now)) return [];
  return [{ group: pk, pace: paceOfItem(item) }];
}
