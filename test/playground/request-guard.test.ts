import type { ContractMessage } from '../../dev/playground-feed';
import { sendPayload } from '../../dev/send-payload';
import { FIXTURE_DIR } from '../helpers/fixtures';
import type { DeliveryAnswer } from '../../dev/gitee-delivery';
import {
  getJson,
  rawRequest,
  settledFates,
  startPlayground,
  type Playground,
} from './playground-harness';

let playground: Playground;

beforeEach(async () => {
  playground = await startPlayground('test');
});

afterEach(() => playground.stop());

const own = () => `127.0.0.1:${playground.server.port}`;

function sendSampleFromPage(headers: Record<string, string>) {
  return rawRequest(`${playground.server.url}/playground/send/push-commits`, {
    method: 'POST',
    headers: { host: own(), ...headers },
  });
}

async function messageCount(): Promise<number> {
  const messages = await getJson<ContractMessage[]>(`${playground.server.url}/playground/messages`);
  return messages.length;
}

describe('the local server refuses requests that do not come from this machine', () => {
  it.each([
    ['a DNS-rebound name', 'attacker.example'],
    ['the rebound name with our port', 'attacker.example:PORT'],
    ['loopback on another port', '127.0.0.1:1'],
    ['a LAN address', '192.168.1.20:PORT'],
  ])('answers 421 to a Host that is %s, even for a read', async (_case, host) => {
    const answer = await rawRequest(`${playground.server.url}/playground/messages`, {
      headers: { host: host.replace('PORT', String(playground.server.port)) },
    });

    expect(answer.status).toBe(421);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.text).toContain(`http://127.0.0.1:${playground.server.port}`);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]'])('serves Host %s with its port', async (name) => {
    const answer = await rawRequest(`${playground.server.url}/playground/messages`, {
      headers: { host: `${name}:${playground.server.port}` },
    });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual([]);
  });

  it.each([
    ['another site', { origin: 'https://attacker.example' }],
    ['another local port', { origin: 'http://127.0.0.1:1' }],
    ['a sandboxed frame', { origin: 'null' }],
    ['a cross-site form without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['another localhost site', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' }],
  ])('refuses to post a sample for %s, and nothing is sent', async (_case, headers) => {
    const answer = await sendSampleFromPage(headers);

    expect(answer.status).toBe(403);
    expect(answer.text).toContain('another web page');
    expect(await messageCount()).toBe(0);
    // Nothing was queued either, to arrive later.
    expect(await getJson(`${playground.server.url}/playground/deliveries`)).toEqual([]);
  });

  it('refuses a cross-site event stream, which would hold one of the few stream slots', async () => {
    const answer = await rawRequest(`${playground.server.url}/playground/events`, {
      headers: { host: own(), origin: 'https://attacker.example' },
    });

    expect(answer.status).toBe(403);
  });

  it.each([
    ['its own page', (port: number) => ({ origin: `http://127.0.0.1:${port}` })],
    ['its page opened as localhost', (port: number) => ({ origin: `http://localhost:${port}` })],
    ['a same-origin fetch', () => ({ 'sec-fetch-site': 'same-origin' })],
  ])('posts a sample sent from %s', async (_case, headers) => {
    const answer = await sendSampleFromPage(headers(playground.server.port));
    const result = JSON.parse(answer.text) as DeliveryAnswer;
    await settledFates(playground.server.url, result.eventKeys);

    expect(answer.status).toBe(200);
    expect(result).toMatchObject({ status: 202, answer: { status: 'queued' } });
    expect(await messageCount()).toBe(3);
  });

  it('opens the page from a link on another site (a top-level navigation)', async () => {
    const answer = await rawRequest(`${playground.server.url}/`, {
      headers: { host: own(), 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
  });

  it('still takes `npm run send` deliveries, which carry no Origin', async () => {
    const { status, answer } = await sendPayload({
      serverUrl: playground.server.url,
      settingsPath: playground.settingsPath,
      fixturesDir: FIXTURE_DIR,
      target: 'push-commits',
    });

    expect(status).toBe(202);
    expect(answer).toMatchObject({ status: 'queued' });
  });
});
