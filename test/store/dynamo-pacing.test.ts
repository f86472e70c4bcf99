import { createDynamoClient } from '../../lib/aws/dynamodb';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { createDynamoPacingStore } from '../../lib/store/dynamo-pacing';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../helpers/dynalite';
import { describePacingContract } from './pacing-contract';

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
