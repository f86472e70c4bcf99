import type { VirtualClock } from '../../dev/queue/virtual-clock';
import { createDynamoClient } from '../../lib/aws/dynamodb';
import { createSqsClient } from '../../lib/aws/sqs';
import type { HttpPost } from '../../lib/http/keep-alive-post';
import { createSsmSettingsSource } from '../../lib/settings/create-ssm-source';
import { createSsmPageReader } from '../../lib/settings/ssm-json-client';
import { createTableStores } from '../../lib/store/create-table-stores';
import type { Dynalite } from '../helpers/dynalite';
import { STAGE_PATH } from './settings';

export const SIM_REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'AKIATESTSIMULATION', secretAccessKey: 'keytest-simulation' };

/**
 * The production clients of each AWS service, pointed at the simulation's fakes, on its
 * clock: a function container calls these once each, as a Lambda container builds its own.
 * Their retries wait on the clock too, so a backoff costs no wall time.
 */
export function serviceClients(deps: {
  clock: VirtualClock;
  post: HttpPost;
  ssm: string;
  sqs: { endpoint: string; queueUrl: string };
  dynalite: Dynalite;
}) {
  const { clock, dynalite } = deps;
  const now = clock.now;
  const common = { region: SIM_REGION, credentials: CREDENTIALS, now };
  return {
    /** Settings read from the fake SSM with the functions' page reader, cached 5 minutes. */
    settingsSource: () =>
      createSsmSettingsSource({
        readPage: createSsmPageReader({ ...common, endpoint: deps.ssm }),
        path: STAGE_PATH,
        now,
        ttlMs: 300_000,
      }),
    /** The delivery table's stores (pacing, replay and burst claims) over `post`. */
    tableOf: (post = deps.post) =>
      createTableStores(
        createDynamoClient({ ...common, endpoint: dynalite.endpoint, post, sleep: clock.sleep }),
        dynalite.table,
        now,
      ),
    /** The SQS JSON client over `post`. */
    sqsClient: (post = deps.post) =>
      createSqsClient({ ...common, ...deps.sqs, post, sleep: clock.sleep }),
  };
}
