import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { LOCAL_SETTINGS_TTL_MS } from '../../dev/local-settings';
import type { EditorPreview } from '../../dev/playground-editor-render';
import type { ContractMessage } from '../../dev/playground-feed';
import { loadParameters } from '../../lib/settings/load-parameters';
import { loadSettings } from '../../lib/settings/load-settings';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import { createTestSsmClient, runCliAgainstFake } from '../settings/ssm-test-client';
import { getJson, startPlayground, type Playground } from './playground-harness';

const TEMPLATE = {
  robot: 'team',
  key: 'push',
  title: '{{ actor.name }} → {{ branch }}',
  text: '**{{ actor.name }}** pushed {{ total_commits }} to {{ branch }}\n\n{% for c in commits %}- [{{ c.short_id }}]({{ c.url | url }}) {{ c.title | cut: 40 }}\n{% endfor %}',
};

/**
 * Issue 12, "Done when": an operator writes a template in the editor, sees it on a sample,
 * saves it, pushes the same file with the settings CLI, and the group receives exactly that.
 */
describe('a template from the editor to the group', () => {
  let playground: Playground;
  let ssm: FakeSsm;

  beforeAll(async () => {
    playground = await startPlayground('example', { deliveryMode: 'direct' });
    ssm = await startFakeSsm();
  });

  afterAll(async () => {
    await playground.stop();
    await ssm.close();
  });

  const post = async (path: string, body: unknown) =>
    (await fetch(`${playground.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json())) as Record<string, unknown>;

  it('delivers to the robot exactly the message the editor previewed, and SSM holds the same template', async () => {
    const answer = (await post('/playground/editor/preview', TEMPLATE)) as {
      previews: EditorPreview[];
    };
    const previewed = answer.previews.find((item) => item.sample === 'push-commits');
    expect(previewed?.kind).toBe('templated');

    expect(await post('/playground/editor/save', TEMPLATE)).toMatchObject({ saved: true });
    // The playground re-reads the file within LOCAL_SETTINGS_TTL_MS of an edit.
    await sleep(LOCAL_SETTINGS_TTL_MS + 200);
    expect(await post('/playground/send/push-commits', {})).toMatchObject({
      status: 200,
      answer: { status: 'delivered' },
    });

    const messages = await getJson<ContractMessage[]>(
      `${playground.server.url}/playground/messages`,
    );
    const received = messages.find((message) => message.robot === 'team');
    expect(received?.errcode).toBe(0);
    expect(received?.message).toEqual(previewed?.preview.message);
    // The other robots have no template: their messages stay built-in.
    const cards = messages.find((message) => message.robot === 'cards')?.message;
    expect(JSON.stringify(cards)).not.toContain('pushed 1 to');

    const file = await readFile(playground.settingsPath, 'utf8');
    const out: string[] = [];
    const err: string[] = [];
    const io = { endpoint: ssm.endpoint, files: { 'settings.yml': file }, out, err };
    expect(
      await runCliAgainstFake(['push', '--stage', 'test', '--file', 'settings.yml'], {
        ...io,
        generatedSecret: 'unused',
      }),
    ).toBe(0);
    const client = createTestSsmClient(ssm.endpoint);
    try {
      const stored = await loadSettings(await loadParameters(client, '/gitee-dingtalk/test'));
      const local = await loadSettings(settingsFileToParameters(file));
      const templatesOf = (settings: typeof stored) =>
        settings.robots.map(({ name, templates }) => ({ name, templates }));
      expect(templatesOf(stored)).toEqual(templatesOf(local));
      expect(stored.robots.find((robot) => robot.name === 'team')?.templates?.push).toEqual({
        title: TEMPLATE.title,
        text: TEMPLATE.text,
      });
    } finally {
      client.destroy();
    }
  });
});
