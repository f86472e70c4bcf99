import { isConditionFailure, type DynamoClient } from '../aws/dynamodb';
import type { StoredMap, StoredValue } from '../aws/dynamodb-marshal';
import { emptyPace, type PacingStore } from '../delivery/ports';
import { paceItem, paceOfItem, pendingItem, pendingOfItem } from './table-items';
import { isExpired, PACE_SORT_KEY, PENDING_PREFIX, pendingSortKey } from './table-ttl';

export interface DynamoPacingDeps {
  dynamo: DynamoClient;
  /** DELIVERY_TABLE: `gitee-dingtalk-<stage>-delivery`. */
  table: string;
  now: () => number;
}

/** Absent, or there but past its TTL (which deletes late): either way free to write. */
const ABSENT = 'attribute_not_exists(#pk) OR #expiresAt < :now';
const NAMES = { '#pk': 'pk', '#expiresAt': 'expiresAt' };

/**
 * The PacingStore on the delivery table. Every read is strongly consistent: a pacing decision
 * made on a stale item would only lose its conditional write, but a stale pending list could
 * miss an event just stored. A pace write is one conditional PutItem, the only kind the
 * webhook's role may make besides GetItem (a ping takes its slot with it).
 */
export function createDynamoPacingStore(deps: DynamoPacingDeps): PacingStore {
  const { dynamo, table } = deps;
  const nowSeconds = () => Math.floor(deps.now() / 1000);

  async function liveItem(key: StoredMap): Promise<StoredMap | null> {
    const item = await dynamo.getItem(table, key, { consistentRead: true });
    const expiresAt = item?.expiresAt;
    if (!item || (typeof expiresAt === 'number' && isExpired(expiresAt, deps.now()))) return null;
    return item;
  }

  /** A conditional write that lost answers false; any other failure rejects. */
  async function putIf(
    item: StoredMap,
    condition: string,
    values: Record<string, StoredValue>,
    names: Record<string, string>,
  ) {
    try {
      await dynamo.putItem(table, item, { condition, names, values });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  return {
    async readPace(group) {
      const item = await liveItem({ pk: group, sk: PACE_SORT_KEY });
      return item ? paceOfItem(item) : emptyPace('');
    },

    writePace(group, next, expectedVer) {
      const item = paceItem(group, next, expectedVer + 1, deps.now());
      if (expectedVer === 0) return putIf(item, ABSENT, { ':now': nowSeconds() }, NAMES);
      const condition = '#ver = :ver AND #expiresAt >= :now';
      const names = { '#ver': 'ver', '#expiresAt': 'expiresAt' };
      return putIf(item, condition, { ':ver': expectedVer, ':now': nowSeconds() }, names);
    },

    async addPending(group, event) {
      await putIf(pendingItem(group, event), ABSENT, { ':now': nowSeconds() }, NAMES);
    },

    async listPending(group, limit) {
      const events = [];
      let startKey: StoredMap | undefined;
      while (events.length < limit) {
        const page = await dynamo.query(table, {
          keyCondition: '#pk = :pk AND begins_with(#sk, :prefix)',
          filter: '#expiresAt >= :now',
          names: { '#pk': 'pk', '#sk': 'sk', '#expiresAt': 'expiresAt' },
          values: { ':pk': group, ':prefix': PENDING_PREFIX, ':now': nowSeconds() },
          limit: limit - events.length,
          consistentRead: true,
          startKey,
        });
        events.push(...page.items.map(pendingOfItem));
        if (!page.lastKey) break;
        startKey = page.lastKey;
      }
      return events.slice(0, limit);
    },

    // Only an event still stored is replaced: one removed meanwhile (sent by a digest) must not
    // come back, or it would be sent twice.
    async updatePending(group, event) {
      const condition = 'attribute_exists(#pk) AND #expiresAt >= :now';
      await putIf(pendingItem(group, event), condition, { ':now': nowSeconds() }, NAMES);
    },

    async removePending(group, seqs) {
      await Promise.all(
        seqs.map((seq) => dynamo.deleteItem(table, { pk: group, sk: pendingSortKey(seq) })),
      );
    },
  };
}
