import { createDynamoClient } from '../../lib/aws/dynamodb';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { createDynamoClaimStore } from '../../lib/store/dynamo-claims';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../helpers/dynalite';
import { describeClaimContract } from './claims-contract';

let db: Dynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

describeClaimContract('createDynamoClaimStore on dynalite', (now) => {
  const dynamo = createDynamoClient({
    region: DYNALITE_REGION,
    credentials: DYNALITE_CREDENTIALS,
    endpoint: db.endpoint,
    now,
    post: createKeepAliveHttpPost(),
  });
  const claims = (prefix: 'replay#' | 'burst#') =>
    createDynamoClaimStore({ dynamo, table: db.table, prefix, now });
  return Promise.resolve({ replays: claims('replay#'), bursts: claims('burst#') });
});

describe('createDynamoClaimStore items', () => {
  it('writes the layout of the design: pk prefix + key, sk, bodyHash, expiresAt in seconds', async () => {
    const now = () => Date.UTC(2025, 4, 1, 8, 0, 0);
    const dynamo = createDynamoClient({
      region: DYNALITE_REGION,
      credentials: DYNALITE_CREDENTIALS,
      endpoint: db.endpoint,
      now,
      post: createKeepAliveHttpPost(),
    });
    const store = createDynamoClaimStore({ dynamo, table: db.table, prefix: 'replay#', now });
    await store.remember('cafe01', 'hash-a', now() + 300_500);
    expect(await dynamo.getItem(db.table, { pk: 'replay#cafe01', sk: 'replay' })).toEqual({
      pk: 'replay#cafe01',
      sk: 'replay',
      bodyHash: 'hash-a',
      expiresAt: now() / 1000 + 301,
    });
  });
});
