import type { DynamoClient } from '../aws/dynamodb';
import type { PacingStore } from '../delivery/ports';
import type { ReplayStore } from '../routing/replay-store';
import { createDynamoClaimStore } from './dynamo-claims';
import { createDynamoPacingStore } from './dynamo-pacing';

export interface TableStores {
  store: PacingStore;
  replays: ReplayStore;
  bursts: ReplayStore;
}

/** Everything queued delivery keeps in the one delivery table, for the production wiring. */
export function createTableStores(
  dynamo: DynamoClient,
  table: string,
  now: () => number,
): TableStores {
  return {
    store: createDynamoPacingStore({ dynamo, table, now }),
    replays: createDynamoClaimStore({ dynamo, table, prefix: 'replay#', now }),
    bursts: createDynamoClaimStore({ dynamo, table, prefix: 'burst#', now }),
  };
}
