import { createDynamoClient } from '../../lib/aws/dynamodb';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { createDynamoPacingStore } from '../../lib/store/dynamo-pacing';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../helpers/dynalite';
import { emptyPace } from '../../lib/delivery/ports';
import { describePacingContract, pendingEvent, seq } from './pacing-contract';

let db: Dynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

describePacingContract('createDynamoPacingStore on dynalite', (now) => {
  const dynamo = createDynamoClient({
    region: DYNALITE_REGION,
    credentials: DYNALITE_CREDENTIALS,
    endpoint: db.endpoint,
    now,
    post: createKeepAliveHttpPost(),
  });
  return Promise.resolve({ store: createDynamoPacingStore({ dynamo, table: db.table, now }) });
});

describe('createDynamoPacingStore items', () => {
  const now = () => Date.UTC(2025, 4, 1, 8, 0, 0);
  const fourteenDays = 14 * 24 * 60 * 60;

  function subject() {
    const dynamo = createDynamoClient({
      region: DYNALITE_REGION,
      credentials: DYNALITE_CREDENTIALS,
      endpoint: db.endpoint,
      now,
      post: createKeepAliveHttpPost(),
    });
    return { dynamo, store: createDynamoPacingStore({ dynamo, table: db.table, now }) };
  }

  it('writes the pacing item of the design, unknown fields absent', async () => {
    const { dynamo, store } = subject();
    const pace = { ...emptyPace('team'), sent: [now() - 5000], lastSuccessAt: now() - 5000 };
    await store.writePace('r-00000000000000aa', pace, 0);
    expect(await dynamo.getItem(db.table, { pk: 'r-00000000000000aa', sk: 'pace' })).toEqual({
      pk: 'r-00000000000000aa',
      sk: 'pace',
      robot: 'team',
      sent: [now() - 5000],
      blockedUntil: 0,
      pendingCount: 0,
      failures: 0,
      lastSuccessAt: now() - 5000,
      ver: 1,
      expiresAt: now() / 1000 + fourteenDays,
    });
  });

  it('writes a pending event under pending#<seq>, living 14 days from its SentTimestamp', async () => {
    const { dynamo, store } = subject();
    await store.addPending(
      'r-00000000000000ab',
      pendingEvent(7, { sentTimestamp: now() - 60_000 }),
    );
    const item = await dynamo.getItem(db.table, {
      pk: 'r-00000000000000ab',
      sk: `pending#${seq(7)}`,
    });
    expect(item).toMatchObject({
      seq: seq(7),
      messageId: 'msg-7',
      attempts: 0,
      expiresAt: (now() - 60_000) / 1000 + fourteenDays,
    });
  });
});
