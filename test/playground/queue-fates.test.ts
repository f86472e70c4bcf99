import type { ContractDelivery, FateEntry } from '../../dev/playground-fates';
import type { ContractMessage } from '../../dev/playground-feed';
import { fateReport } from '../../dev/send-fate';
import { sendPayload } from '../../dev/send-payload';
import { FIXTURE_DIR } from '../helpers/fixtures';
import {
  getJson,
  GITEE_SECRET,
  rawRequest,
  settledFates,
  startPlayground,
  type Playground,
} from './playground-harness';

const SIGNING_SECRET = 'SECtest-queue-fates-0123456789abcdef';

/**
 * Two robots on one DingTalk token: the emulator knows the token by its first robot, so it
 * checks team's keyword, and `wrong`'s messages (keyworded Deploy) are refused with 310000
 * as the real robot refuses a message without its keyword.
 */
function settings(port: number): string {
  const webhook = `http://127.0.0.1:${port}/robot/send?access_token=tokentest-fates`;
  return `
gitee:
  secret: ${GITEE_SECRET}
robots:
  team:
    webhook: ${webhook}
    secret: ${SIGNING_SECRET}
    keywords: [Gitee]
  wrong:
    webhook: ${webhook}
    secret: ${SIGNING_SECRET}
    keywords: [Deploy]
routes:
  - robots: [team, wrong]
`;
}

let playground: Playground;

beforeEach(async () => {
  playground = await startPlayground(settings);
});

afterEach(() => playground.stop());

function send(target: string) {
  return sendPayload({
    serverUrl: playground.server.url,
    settingsPath: playground.settingsPath,
    fixturesDir: FIXTURE_DIR,
    target,
  });
}

describe('fates of queued events in the playground', () => {
  it('dead-letters an event the robot refuses for its keyword, and says so', async () => {
    const { status, eventKeys } = await send('push-commits');

    const fates = await settledFates(playground.server.url, eventKeys);
    const messages = await getJson<ContractMessage[]>(
      `${playground.server.url}/playground/messages`,
    );

    expect(status).toBe(202);
    expect(fates.map(({ robot, fate, reason }) => ({ robot, fate, reason }))).toEqual([
      { robot: 'team', fate: 'sent', reason: undefined },
      { robot: 'wrong', fate: 'dead-lettered', reason: 'keyword' },
    ]);
    // Refused once, not retried: a keyword error does not heal by waiting.
    expect(messages.filter((message) => message.errcode === 310000)).toHaveLength(1);
  });

  it("prints npm run send's fate lines once every event's fate is final", async () => {
    const { eventKeys = [] } = await send('issue-open');

    const lines = await fateReport(playground.server.url, eventKeys, { timeoutMs: 15_000 });

    expect(lines).toEqual([
      'Fates (followed for up to 15 s):',
      '  team (dingtalk): sent alone',
      '  wrong (dingtalk): dead-lettered (keyword)',
    ]);
  });

  it('streams each fate to the page as it changes, and no secret with it', async () => {
    const stream = await openStream(playground);
    const { eventKeys } = await send('tag_push-create');
    await settledFates(playground.server.url, eventKeys);
    await stream.received('"fate":"dead-lettered"');
    stream.close();

    const events = parseEvents(stream.text());
    const fates = events.filter((event) => event.name === 'fate').map((event) => event.data);
    expect(events[1]).toEqual({ name: 'fates', data: [] });
    expect(fates.map((entry) => [entry.robot, entry.fate])).toEqual(
      expect.arrayContaining([
        ['team', 'queued'],
        ['team', 'sent'],
        ['wrong', 'queued'],
        ['wrong', 'dead-lettered'],
      ]),
    );
    expect(fates[0]).toMatchObject({ kind: 'tag_push', action: 'create', request: 1 });
    expect(fates[0]?.summary).toContain('1.3');
    const shown = stream.text() + JSON.stringify(await deliveries());
    for (const secret of ['tokentest-fates', SIGNING_SECRET, GITEE_SECRET]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('answers the fate list only to this machine, as every playground route', async () => {
    const rebound = await rawRequest(`${playground.server.url}/playground/deliveries`, {
      headers: { host: `attacker.example:${playground.server.port}` },
    });
    const foreign = await rawRequest(`${playground.server.url}/playground/deliveries`, {
      headers: { host: `127.0.0.1:${playground.server.port}`, origin: 'https://attacker.example' },
    });

    expect([rebound.status, foreign.status]).toEqual([421, 403]);
  });

  it('forgets the fates with the messages when the page is cleared', async () => {
    await settledFates(playground.server.url, (await send('push-commits')).eventKeys);

    await fetch(`${playground.server.url}/playground/clear`, { method: 'POST' });

    expect(await deliveries()).toEqual([]);
  });
});

function deliveries(): Promise<ContractDelivery[]> {
  return getJson<ContractDelivery[]>(`${playground.server.url}/playground/deliveries`);
}

interface OpenStream {
  text(): string;
  received(part: string): Promise<void>;
  close(): void;
}

/** GET /playground/events read as it arrives, as the page's EventSource reads it. */
async function openStream(on: Playground): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${on.server.url}/playground/events`, {
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  return {
    text: () => text,
    async received(part) {
      for (let waited = 0; !text.includes(part); waited += 20) {
        if (waited > 15_000) throw new Error(`the stream never carried ${part}: ${text}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => controller.abort(),
  };
}

function parseEvents(text: string): Array<{ name: string; data: FateEntry & FateEntry[] }> {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [first = '', second = ''] = block.split('\n');
      return {
        name: first.slice('event: '.length),
        data: JSON.parse(second.slice('data: '.length)) as FateEntry & FateEntry[],
      };
    });
}
