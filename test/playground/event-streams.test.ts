import http from 'node:http';
import { startPlayground, type Playground } from './playground-harness';

let playground: Playground;

afterEach(() => playground.stop());

interface OpenStream {
  status: number;
  /** Everything received so far. */
  text(): string;
  /** Resolves with everything received once the stream is over. */
  ended: Promise<string>;
  /** Resolves once `part` has been received. */
  received(part: string): Promise<void>;
  close(): void;
}

/** GET /playground/events as the page's EventSource does, read as it arrives. */
function openStream(): Promise<OpenStream> {
  const { port } = playground.server;
  return new Promise((resolve, reject) => {
    const req = http.get(`${playground.server.url}/playground/events`, {
      headers: { host: `127.0.0.1:${port}`, accept: 'text/event-stream' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      const waiting = new Set<() => void>();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const check of waiting) check();
      });
      const ended = new Promise<string>((done) => res.on('close', () => done(text)));
      resolve({
        status: res.statusCode ?? 0,
        text: () => text,
        ended,
        received: (part) =>
          new Promise((done) => {
            const check = () => {
              if (text.includes(part)) {
                waiting.delete(check);
                done();
              }
            };
            waiting.add(check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
  });
}

/** The server learns of a closed tab a moment after the client closes: ask a few times. */
async function openOnceFree(): Promise<OpenStream> {
  for (let attempt = 1; ; attempt += 1) {
    const stream = await openStream();
    if (stream.status === 200 || attempt === 50) return stream;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the playground event streams', () => {
  it('refuses a stream beyond the cap with 503 and a plain reason, and takes one once a slot frees', async () => {
    playground = await startPlayground('test', { eventStreams: { maxClients: 2 } });
    const first = await openStream();
    const second = await openStream();
    await first.received('event: snapshot');

    const third = await openStream();
    const refused = await third.ended;
    first.close();
    const fourth = await openOnceFree();

    expect([first.status, second.status, third.status]).toEqual([200, 200, 503]);
    expect(refused).toContain('Too many open playground streams (2)');
    expect(fourth.status).toBe(200);
    second.close();
    fourth.close();
  });

  it('closes a stream that carried no event for the idle time, keep-alive comments or not', async () => {
    playground = await startPlayground('test', {
      eventStreams: { maxClients: 1, idleMs: 300, keepaliveMs: 20 },
    });
    const stream = await openStream();

    const text = await stream.ended;
    const again = await openStream();

    expect(text).toMatch(/^event: snapshot\n/);
    expect(text).toContain(': keepalive');
    // The closed stream gave its slot back.
    expect(again.status).toBe(200);
    again.close();
  });
});
