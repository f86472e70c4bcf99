import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../lib/logger';
import type { ContractDelivery } from '../../dev/playground-fates';
import { FINAL_FATES } from '../../dev/playground-fates';
import { waitForFates } from '../../dev/send-fate';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../dev/server';
import { FIXTURE_DIR } from '../helpers/fixtures';

export const GITEE_SECRET = 'gitee-playground-test-secret';

/** Three robots, one per msgtype the relay sends; the markdown one signed, as most groups are. */
export function testSettings(port: number): string {
  const robot = (token: string) => `http://127.0.0.1:${port}/robot/send?access_token=${token}`;
  return `
gitee:
  secret: ${GITEE_SECRET}
robots:
  team:
    webhook: ${robot('tokentest-team')}
    secret: SECtest-playground-0123456789abcdef
    keywords: [Gitee]
  cards:
    webhook: ${robot('tokentest-cards')}
    keywords: [代码]
    msgtype: actionCard
  plain:
    webhook: ${robot('tokentest-plain')}
    msgtype: text
routes:
  - robots: [team, cards, plain]
  - events: [tag_push]
    robots: [team, cards]
    atAll: true
`;
}

export interface Playground {
  server: LocalServer;
  dir: string;
  settingsPath: string;
  stop(): Promise<void>;
}

/**
 * The playground on a free port in a temp folder. `settings: 'test'` writes testSettings()
 * (a function: its settings) for the actual port before the first request reads the file
 * (settings load lazily); `'example'` keeps the file the first start made from
 * settings.example.yml.
 */
export async function startPlayground(
  settings: 'test' | 'example' | ((port: number) => string),
  options: Partial<LocalServerOptions> = {},
): Promise<Playground> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-'));
  const settingsPath = join(dir, 'settings.local.yml');
  const server = await startLocalServer({
    port: 0,
    settingsPath,
    fixturesDir: FIXTURE_DIR,
    logger: silentLogger,
    ...options,
  });
  if (settings !== 'example') {
    const write = settings === 'test' ? testSettings : settings;
    await writeFile(settingsPath, write(server.port));
  }
  return {
    server,
    dir,
    settingsPath,
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The fates of queued events once each is final (sent, merged or dead-lettered), read as
 * `npm run send` reads them; fails naming the ones still waiting after `timeoutMs`.
 */
export async function settledFates(
  serverUrl: string,
  keys: readonly string[] | undefined,
  timeoutMs = 15_000,
): Promise<ContractDelivery[]> {
  if (keys === undefined || keys.length === 0) throw new Error('the answer named no queued event');
  const fates = await waitForFates(serverUrl, keys, { timeoutMs, pollMs: 20 });
  const waiting = keys.filter(
    (key) => !fates.some((fate) => fate.event === key && FINAL_FATES.has(fate.fate)),
  );
  if (waiting.length > 0) {
    throw new Error(`not settled after ${timeoutMs} ms: ${JSON.stringify(fates)}`);
  }
  return fates;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * A request with exactly the headers given, Host included: fetch sets Host and Origin itself,
 * and a browser on another page or behind a rebound DNS name sends other ones.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.end(options.body);
  });
}
