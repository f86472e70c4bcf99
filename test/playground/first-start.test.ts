import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { silentLogger } from '../../lib/logger';
import { EXAMPLE_SETTINGS_PATH } from '../../dev/local-paths';
import { startLocalServer } from '../../dev/server';
import type { DeliveryAnswer } from '../../dev/gitee-delivery';
import type { ContractMessage } from '../../dev/playground-feed';
import { FIXTURE_DIR } from '../helpers/fixtures';
import { getJson, settledFates, startPlayground, type Playground } from './playground-harness';

interface LocalFile {
  gitee: { secret: string };
  robots: Record<string, { webhook: string; secret?: string; msgtype?: string }>;
}

let playground: Playground;

beforeEach(async () => {
  playground = await startPlayground('example');
});

afterEach(() => playground.stop());

describe('the first start of the playground', () => {
  it('creates the settings file from the example with fresh secrets and no port in it', async () => {
    const example = parse(await readFile(EXAMPLE_SETTINGS_PATH, 'utf8')) as LocalFile;
    const text = await readFile(playground.settingsPath, 'utf8');
    const local = parse(text) as LocalFile;

    expect(playground.server.createdSettings).toBe(true);
    expect(Object.keys(local.robots)).toEqual(Object.keys(example.robots));
    expect(local.gitee.secret).not.toBe(example.gitee.secret);
    expect(local.gitee.secret.length).toBeGreaterThanOrEqual(32);
    expect(local.robots.team?.secret).toMatch(/^SEC[0-9a-f]{64}$/);
    // Every signed emulated robot gets a fresh secret of its app's shape, the Feishu one too.
    const feishu = Object.values(local.robots).find((robot) =>
      robot.webhook.includes('/open-apis/bot/v2/hook/'),
    );
    expect(feishu?.secret).toMatch(/^[\w-]{22}$/);
    // The emulated robots follow whatever PORT a later start uses.
    for (const robot of Object.values(local.robots)) {
      expect(new URL(robot.webhook)).toMatchObject({ host: 'playground.localhost', port: '' });
    }
    expect(text).not.toMatch(/(127\.0\.0\.1|localhost):\d/);
    // The example's explanations come along: the file is meant to be edited.
    expect(text).toContain('# A real group:');
  });

  it('delivers a sample clicked on the page to the example robots, signed and keyworded', async () => {
    const response = await fetch(`${playground.server.url}/playground/send/push-commits`, {
      method: 'POST',
    });
    const result = (await response.json()) as DeliveryAnswer;
    await settledFates(playground.server.url, result.eventKeys);
    const messages = await getJson<ContractMessage[]>(
      `${playground.server.url}/playground/messages`,
    );

    expect(result).toMatchObject({ status: 202, answer: { status: 'queued' } });
    expect(messages.map(({ robot, msgtype, errcode }) => ({ robot, msgtype, errcode }))).toEqual(
      expect.arrayContaining([
        { robot: 'team', msgtype: 'markdown', errcode: 0 },
        { robot: 'cards', msgtype: 'actionCard', errcode: 0 },
      ]),
    );
    // One robot of each platform, each accepting its own message.
    expect(new Set(messages.map((message) => message.platform))).toEqual(
      new Set(['dingtalk', 'feishu', 'wecom']),
    );
    expect(messages.filter((message) => message.errcode !== 0)).toEqual([]);
  });

  it('still delivers to the emulated robots when the next start listens on another port', async () => {
    const before = await readFile(playground.settingsPath, 'utf8');
    // Started while the first still listens, so that it surely gets another port.
    const next = await startLocalServer({
      port: 0,
      settingsPath: playground.settingsPath,
      fixturesDir: FIXTURE_DIR,
      logger: silentLogger,
    });
    await playground.server.close();
    try {
      const response = await fetch(`${next.url}/playground/send/push-commits`, { method: 'POST' });
      const result = (await response.json()) as DeliveryAnswer;
      await settledFates(next.url, result.eventKeys);
      const messages = await getJson<ContractMessage[]>(`${next.url}/playground/messages`);

      expect(next.port).not.toBe(playground.server.port);
      expect(result).toMatchObject({ status: 202, answer: { status: 'queued' } });
      expect(messages.map(({ robot, errcode }) => ({ robot, errcode }))).toEqual(
        expect.arrayContaining([
          { robot: 'team', errcode: 0 },
          { robot: 'cards', errcode: 0 },
        ]),
      );
      expect(await readFile(playground.settingsPath, 'utf8')).toBe(before);
    } finally {
      await next.close();
    }
  });

  it('keeps an existing settings file on the next start', async () => {
    const before = await readFile(playground.settingsPath, 'utf8');
    const again = await startLocalServer({
      port: 0,
      settingsPath: playground.settingsPath,
      fixturesDir: FIXTURE_DIR,
      logger: silentLogger,
    });
    await again.close();

    expect(again.createdSettings).toBe(false);
    expect(await readFile(playground.settingsPath, 'utf8')).toBe(before);
  });
});
