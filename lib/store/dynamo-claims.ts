import { isConditionFailure, type DynamoClient } from '../aws/dynamodb';
import type { ReplayStore, ReplayVerdict } from '../routing/replay-store';
import { isExpired } from './table-ttl';

/** The kinds of claim record the table holds (design.md): `pk = <prefix><key hex>`. */
export type ClaimPrefix = 'replay#' | 'burst#';

export interface DynamoClaimDeps {
  dynamo: DynamoClient;
  table: string;
  /** `replay#` for Gitee credentials, `burst#` for the PR-creation burst. */
  prefix: ClaimPrefix;
  now: () => number;
}

/** A claim lost to a record that vanished (TTL) this many times in a row is reported, not guessed. */
const MAX_TRIES = 3;

/**
 * A ReplayStore shared by every container: one conditional PutItem claims the key unless a live
 * record holds it (TTL deletes late, so an expired one counts as absent). When the claim fails
 * the old record is read to say `same` or `different`: dynalite lacks
 * ReturnValuesOnConditionCheckFailure, and a GetItem costs only the rare repeated delivery.
 * The webhook's role needs PutItem and GetItem only.
 */
export function createDynamoClaimStore(deps: DynamoClaimDeps): ReplayStore {
  const { dynamo, table, prefix } = deps;
  const sk = prefix.slice(0, -1);
  return {
    async remember(key, bodyHash, expiresAtMs): Promise<ReplayVerdict> {
      const pk = `${prefix}${key}`;
      for (let tries = 0; tries < MAX_TRIES; tries += 1) {
        if (await claim(pk, bodyHash, expiresAtMs)) return 'new';
        const held = await dynamo.getItem(table, { pk, sk }, { consistentRead: true });
        const expiresAt = held?.expiresAt;
        if (held && typeof expiresAt === 'number' && !isExpired(expiresAt, deps.now())) {
          return held.bodyHash === bodyHash ? 'same' : 'different';
        }
      }
      throw new Error(`the ${sk} record changed under ${MAX_TRIES} claims in a row`);
    },
    // A lone PR `assign` looks for an `open`'s claim without making one (one GetItem).
    async held(key): Promise<boolean> {
      const item = await dynamo.getItem(
        table,
        { pk: `${prefix}${key}`, sk },
        { consistentRead: true },
      );
      const expiresAt = item?.expiresAt;
      return typeof expiresAt === 'number' && !isExpired(expiresAt, deps.now());
    },
  };

  async function claim(pk: string, bodyHash: string, expiresAtMs: number): Promise<boolean> {
    try {
      await dynamo.putItem(
        table,
        // Rounded up: the record must last at least as long as the caller asked.
        { pk, sk, bodyHash, expiresAt: Math.ceil(expiresAtMs / 1000) },
        {
          condition: 'attribute_not_exists(#pk) OR #expiresAt < :now',
          names: { '#pk': 'pk', '#expiresAt': 'expiresAt' },
          values: { ':now': Math.floor(deps.now() / 1000) },
        },
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
