import { createDynamoClient } from '../../lib/aws/dynamodb';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import type { ReplayStore } from '../../lib/routing/replay-store';
import { createDynamoClaimStore } from '../../lib/store/dynamo-claims';
import { signedGiteeEvent, uniqueNow } from '../helpers/api-gateway';
import {
  DYNALITE_CREDENTIALS,
  DYNALITE_REGION,
  startDynalite,
  type Dynalite,
} from '../helpers/dynalite';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET } from '../helpers/relay-harness';
import { sharedParts, startQueueRelay, type QueueRelay, type SharedParts } from './queue-harness';

const BURST = 'pull request opened moments ago: burst suppressed';

let db: Dynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

/** The queue and the delivery table (dynalite: real conditional writes) every container shares. */
function tableParts(): SharedParts {
  const now = Date.now;
  const dynamo = createDynamoClient({
    region: DYNALITE_REGION,
    credentials: DYNALITE_CREDENTIALS,
    endpoint: db.endpoint,
    now,
    post: createKeepAliveHttpPost(),
  });
  const claims = (prefix: 'replay#' | 'burst#') =>
    createDynamoClaimStore({ dynamo, table: db.table, prefix, now });
  return { ...sharedParts(now), replays: claims('replay#'), bursts: claims('burst#') };
}

/** A hook for PR !`number` (the real open fixture), as Gitee fires them when a PR is created. */
function prHook(number: number, action: string, actionDesc: string | null) {
  const body = loadFixture('merge_request-open');
  const pr = body.pull_request as Record<string, unknown>;
  return signedGiteeEvent({
    body: { ...body, action, action_desc: actionDesc, pull_request: { ...pr, number } },
    secret: GITEE_SECRET,
  });
}

const failing: ReplayStore = {
  remember: () => Promise.reject(Object.assign(new Error('down'), { name: 'NetworkError' })),
  held: () => Promise.reject(Object.assign(new Error('down'), { name: 'NetworkError' })),
};

describe('duplicates across containers in queue mode', () => {
  const relays: QueueRelay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
  });
  async function containers(count: number, shared: SharedParts) {
    for (let i = 0; i < count; i += 1) relays.push(await startQueueRelay({ shared }));
    return relays;
  }

  it('queues one message for the PR-creation burst spread over three containers', async () => {
    const shared = tableParts();
    const [a, b, c] = await containers(3, shared);
    const number = 1000 + (uniqueNow() % 1000);
    const answers = await Promise.all([
      a!.answer(prHook(number, 'open', 'open')),
      b!.answer(prHook(number, 'open', 'test')),
      c!.answer(prHook(number, 'open', 'assign')),
    ]);
    expect(answers.filter((one) => one.body.status === 'queued')).toHaveLength(1);
    expect(answers.filter((one) => one.body.reason === BURST)).toHaveLength(2);
    expect(shared.queue.messages.size).toBe(2); // one PR, two robots
  });

  it('skips a lone assign that follows an open on another container, and queues one with no open', async () => {
    const shared = tableParts();
    const [a, b] = await containers(2, shared);
    const number = 2000 + (uniqueNow() % 1000);
    expect((await a!.answer(prHook(number, 'open', 'open'))).body.status).toBe('queued');
    expect((await b!.answer(prHook(number, 'assign', null))).body.reason).toBe(BURST);
    expect((await b!.answer(prHook(number + 1, 'assign', null))).body.status).toBe('queued');
  });

  it('refuses a signature replayed with another body on another container', async () => {
    const shared = tableParts();
    const [a, b] = await containers(2, shared);
    const event = signedGiteeEvent({ body: loadFixture('push-commits'), secret: GITEE_SECRET });
    expect((await a!.answer(event)).status).toBe(202);
    const forged = { ...event, body: event.body!.replace('"ref":', '"extra":1,"ref":') };
    const replay = await b!.answer(forged);
    expect(replay.body).toMatchObject({ status: 'skipped', reason: 'replayed signature' });
  });

  it('still queues while the table is down, checking replays in this container and saying so', async () => {
    const [relay] = await containers(1, { ...sharedParts(), replays: failing, bursts: failing });
    const event = signedGiteeEvent({ body: loadFixture('push-commits'), secret: GITEE_SECRET });
    expect((await relay!.answer(event)).status).toBe(202);
    expect((await relay!.answer(prHook(7, 'open', 'open'))).status).toBe(202);
    expect((await relay!.answer(prHook(7, 'open', 'test'))).body.reason).toBe(BURST);
    const forged = { ...event, body: event.body!.replace('"ref":', '"extra":1,"ref":') };
    expect((await relay!.answer(forged)).body.reason).toBe('replayed signature');
    const logs = relay!.logs.join('\n');
    expect(logs).toMatch(/replay check used this container's memory: delivery table unavailable/);
    expect(logs).toMatch(/burst check used this container's memory/);
  });
});
