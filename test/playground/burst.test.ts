import type { GiteePushPayload } from '../../lib/gitee/payloads';
import { burstPayloads } from '../../dev/playground-burst';
import type { BurstAnswer } from '../../dev/playground-burst';
import type { ContractMessage } from '../../dev/playground-feed';
import { readFixture } from '../helpers/fixtures';
import { parsePayload } from '../helpers/parse-fixture';
import { getJson, rawRequest, startPlayground, type Playground } from './playground-harness';

describe('the burst payloads', () => {
  const sample = readFixture('tag_push-create');

  it('are distinct tag creations on the sample repository, each with its own ref and after', () => {
    const payloads = burstPayloads(sample, 40, 1);
    const parsed = payloads.map((payload) => parsePayload(JSON.parse(payload)));

    expect(parsed).toHaveLength(40);
    for (const delivery of parsed) {
      expect(delivery).toMatchObject({
        kind: 'tag_push',
        action: 'create',
        repository: { path: 'kit101/drone-yml-test' },
      });
    }
    const pushes = parsed.map((delivery) => (delivery as { payload: GiteePushPayload }).payload);
    expect(new Set(pushes.map((push) => push.ref)).size).toBe(40);
    expect(new Set(pushes.map((push) => push.after)).size).toBe(40);
    expect(pushes[6]?.ref).toBe('refs/tags/burst1-07');
    expect(pushes[6]?.compare).toMatch(new RegExp(`\\.\\.\\.${pushes[6]?.after}$`));
  });

  it('are new events in a second burst, not repeats of the first', () => {
    const first = burstPayloads(sample, 3, 1).map((text) => JSON.parse(text).after as string);
    const second = burstPayloads(sample, 3, 2).map((text) => JSON.parse(text).after as string);

    expect(first.filter((after) => second.includes(after))).toEqual([]);
  });
});

describe('POST /playground/burst', () => {
  let playground: Playground;

  beforeEach(async () => {
    playground = await startPlayground('test', { deliveryMode: 'direct' });
  });

  afterEach(() => playground.stop());

  const burst = (query = '') =>
    fetch(`${playground.server.url}/playground/burst${query}`, { method: 'POST' });

  it('posts that many signed tag pushes at once, each delivered as Gitee would send it', async () => {
    const response = await burst('?count=5');
    const answer = (await response.json()) as BurstAnswer;
    const messages = await getJson<ContractMessage[]>(
      `${playground.server.url}/playground/messages`,
    );

    expect(response.status).toBe(200);
    expect(answer).toMatchObject({ sample: 'tag_push-create', count: 5, statuses: { '200': 5 } });
    expect(answer.tags).toEqual(['burst1-1', 'burst1-2', 'burst1-3', 'burst1-4', 'burst1-5']);
    // Direct mode queues nothing: there is no fate to follow.
    expect(answer.eventKeys).toEqual([]);
    // Three robots take tags in the test settings: each got each tag once.
    expect(messages).toHaveLength(15);
    for (const tag of answer.tags) {
      const named = messages.filter((message) => JSON.stringify(message.message).includes(tag));
      expect(named.map((message) => message.robot).sort()).toEqual(['cards', 'plain', 'team']);
    }
  });

  it.each(['?count=0', '?count=201', '?count=2.5', '?count=many'])(
    'refuses %s with 400 and sends nothing',
    async (query) => {
      const response = await burst(query);

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'count must be a whole number from 1 to 200',
      });
      expect(await getJson(`${playground.server.url}/playground/messages`)).toEqual([]);
    },
  );

  it('refuses a burst asked for by another web page', async () => {
    const answer = await rawRequest(`${playground.server.url}/playground/burst`, {
      method: 'POST',
      headers: { host: `127.0.0.1:${playground.server.port}`, origin: 'https://attacker.example' },
    });

    expect(answer.status).toBe(403);
    expect(await getJson(`${playground.server.url}/playground/messages`)).toEqual([]);
  });

  it('lists no fates in direct mode, where nothing is queued', async () => {
    await burst('?count=2');

    expect(await getJson(`${playground.server.url}/playground/deliveries`)).toEqual([]);
  });
});
