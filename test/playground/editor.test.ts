import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { EditorPreview } from '../../dev/playground-editor-render';
import type { EditorState } from '../../dev/playground-editor-state';
import { loadSettings } from '../../lib/settings/load-settings';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import { validateSettingsFile } from '../../scripts/settings/check';
import { getJson, rawRequest, startPlayground, type Playground } from './playground-harness';

interface PreviewAnswer {
  refusal: string | null;
  problems: Array<{ part: string; path: string; message: string; line: number; column: number }>;
  previews: EditorPreview[];
}

let playground: Playground;

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${playground.server.url}/playground/editor/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as PreviewAnswer & Record<string, unknown>,
  };
};
const preview = async (body: unknown) => (await post('preview', body)).body;

describe('the template editor API', () => {
  beforeEach(async () => {
    playground = await startPlayground('example', { deliveryMode: 'direct' });
  });

  afterEach(async () => {
    await playground.stop();
  });

  it("lists every robot with where its templates come from, and each key's starting point", async () => {
    const state = await getJson<EditorState>(`${playground.server.url}/playground/editor`);

    expect(state.file).toBe('settings.local.yml');
    expect(state.robots.map(({ name, source, refusal }) => ({ name, source, refusal }))).toEqual([
      { name: 'team', source: 'none', refusal: null },
      { name: 'cards', source: 'none', refusal: null },
      { name: 'feishu', source: 'none', refusal: null },
      { name: 'templated', source: 'own', refusal: null },
      { name: 'wecom', source: 'none', refusal: null },
    ]);
    expect(Object.keys(state.robots[3]!.templates)).toEqual(['push', 'tag_push', 'pull_request']);
    expect(state.keys[0]).toEqual({ event: 'default', keys: ['default'] });
    expect(state.keys.find((group) => group.event === 'pull_request')?.keys).toContain(
      'pull_request.merge',
    );
    expect(Object.keys(state.examples)).toEqual(['push', 'tag_push', 'pull_request']);
    expect(state.problems).toEqual([]);
  });

  it('renders the edit against every push sample as the DingTalk client shows it, keyword added', async () => {
    const answer = await preview({
      robot: 'team',
      key: 'push',
      title: '{{ actor.name }} → {{ branch }}',
      text: '**{{ actor.name }}** pushed {{ total_commits }} to {{ branch }}\n',
    });

    expect(answer.problems).toEqual([]);
    expect(answer.previews.length).toBeGreaterThan(2);
    for (const item of answer.previews) {
      expect(item.event).toMatch(/^push\./);
      expect(item.kind).toBe('templated');
      expect(item.preview).toMatchObject({
        platform: 'dingtalk',
        robot: 'team',
        msgtype: 'markdown',
      });
      expect(item.preview.html).toMatch(/^<p>\[Gitee\] <strong>[^<]+<\/strong> pushed \d+ to/);
    }
    const commits = answer.previews.find((item) => item.sample === 'push-commits');
    expect(commits?.preview.title).toBe('[Gitee] kit101 → feat-2-1');
    expect(commits?.routed).toBe(true);
  });

  it("draws a Feishu robot's title as the card header and a WeCom robot's as its first line", async () => {
    const edit = { key: 'tag_push', title: 'Release {{ tag }}', text: 'by {{ actor.name }}' };
    const feishu = await preview({ ...edit, robot: 'feishu' });
    const wecom = await preview({ ...edit, robot: 'wecom' });

    const card = feishu.previews.find((item) => item.sample === 'tag_push-create')?.preview;
    expect(card?.header).toMatchObject({ title: expect.stringContaining('Release 1.3') });
    const markdown = wecom.previews.find((item) => item.sample === 'tag_push-create')?.preview;
    expect(markdown?.html).toMatch(/^<h3>Release 1\.3<\/h3>/);
  });

  it('takes only the samples its key picks: pull_request.merge, not the other pull request actions', async () => {
    const answer = await preview({ robot: 'team', key: 'pull_request.merge', text: 'merged' });

    expect(answer.previews.map((item) => item.event)).toEqual(
      answer.previews.map(() => 'pull_request.merge'),
    );
    expect(answer.previews.map((item) => item.sample)).toContain('merge_request-merge');
  });

  it('reports a typo at its line and column, and an unknown filter at the filter, per field', async () => {
    const answer = await preview({
      robot: 'team',
      key: 'push',
      title: '{{ branch | upcas }}',
      text: '**{{ actor.name }}**\n{% for c in commits %}- {{ c.titel }}\n{% endfor %}',
    });

    expect(
      answer.problems.map(({ part, message, line, column }) => ({ part, message, line, column })),
    ).toEqual([
      { part: 'title', message: 'undefined filter: upcas', line: 1, column: 13 },
      {
        part: 'text',
        message: 'unknown field "c.titel"; did you mean "c.title"?',
        line: 2,
        column: 28,
      },
    ]);
    expect(answer.problems[1]!.path).toBe('robots.team.templates.push.text');
  });

  it('shows the built-in message, and why, for a template that fails', async () => {
    const answer = await preview({ robot: 'team', key: 'push', text: '{% if x %}never closed' });

    expect(answer.problems[0]).toMatchObject({ part: 'text', line: 1, column: 1 });
    expect(answer.previews[0]).toMatchObject({ kind: 'fallback' });
    expect(answer.previews[0]!.reason).toMatch(/^template error: /);
  });

  it('saves into the settings file keeping every comment and line it did not touch', async () => {
    const before = await readFile(playground.settingsPath, 'utf8');
    const text = '**{{ actor.name }}** pushed to {{ branch }}\n{{ words.more_commits }}\n';

    const saved = await post('save', {
      robot: 'team',
      key: 'push',
      title: 'Push {{ branch }}',
      text,
    });

    expect(saved).toEqual({
      status: 200,
      body: { saved: true, file: 'settings.local.yml', copied: [] },
    });
    const after = await readFile(playground.settingsPath, 'utf8');
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed).toEqual([]);
    expect(after).toContain('# A markdown robot with a signing secret and a custom keyword');
    expect(after).toContain(
      '    templates:\n      push:\n        title: "Push {{ branch }}"\n        text: |\n          **{{ actor.name }}** pushed to {{ branch }}\n',
    );
    const file = parse(after) as { robots: Record<string, { templates?: unknown }> };
    expect(file.robots.team!.templates).toEqual({ push: { title: 'Push {{ branch }}', text } });

    // The same file is what `settings check` and `push` take, and the Lambda reads it back so.
    const { settings } = await validateSettingsFile(after);
    expect(settings.robots.find((robot) => robot.name === 'team')?.templates).toEqual({
      push: { title: 'Push {{ branch }}', text },
    });
    const state = await getJson<EditorState>(`${playground.server.url}/playground/editor`);
    expect(state.robots[0]).toMatchObject({ name: 'team', source: 'own' });
  });

  it('copies the defaults into a robot that took them, so its other events keep their messages', async () => {
    const text = await readFile(playground.settingsPath, 'utf8');
    await writeFile(
      playground.settingsPath,
      text.replace(
        'defaults:\n',
        'defaults:\n  templates:\n    default: { text: "{{ summary }}" }\n    issue: { text: "issue {{ issue.number }}" }\n',
      ),
    );

    const saved = await post('save', {
      robot: 'cards',
      key: 'issue',
      text: 'Issue {{ issue.title }}',
    });

    expect(saved.body).toMatchObject({ saved: true, copied: ['default'] });
    const settings = await loadSettings(
      settingsFileToParameters(await readFile(playground.settingsPath, 'utf8')),
    );
    expect(settings.robots.find((robot) => robot.name === 'cards')?.templates).toEqual({
      default: { text: '{{ summary }}' },
      issue: { text: 'Issue {{ issue.title }}' },
    });
  });

  it('refuses to save a template with a mistake, and leaves the file as it was', async () => {
    const before = await readFile(playground.settingsPath, 'utf8');

    const saved = await post('save', { robot: 'team', key: 'push', text: '{{ actor.nam }}' });

    expect(saved.status).toBe(422);
    expect(saved.body.problems[0]).toMatchObject({ line: 1, column: 4 });
    expect(await readFile(playground.settingsPath, 'utf8')).toBe(before);
  });

  it("refuses another page's request to save, before reading it", async () => {
    const before = await readFile(playground.settingsPath, 'utf8');

    const answer = await rawRequest(`${playground.server.url}/playground/editor/save`, {
      method: 'POST',
      headers: {
        host: `127.0.0.1:${playground.server.port}`,
        origin: 'https://attacker.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ robot: 'team', key: 'push', text: 'owned' }),
    });

    expect(answer.status).toBe(403);
    expect(await readFile(playground.settingsPath, 'utf8')).toBe(before);
  });

  it('answers a request that is not an edit with what is wrong', async () => {
    expect(await post('preview', { robot: 'team', key: 'pul_request', text: 'x' })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^key: "pul_request" is not default/) },
    });
    expect(await post('preview', { robot: 'nobody', key: 'push', text: 'x' })).toMatchObject({
      status: 404,
    });
  });
});

describe('the template editor on a text robot', () => {
  beforeAll(async () => {
    playground = await startPlayground('test', { deliveryMode: 'direct' });
  });

  afterAll(async () => {
    await playground.stop();
  });

  it('says the robot takes no template and refuses to save one there', async () => {
    const answer = await preview({ robot: 'plain', key: 'push', text: '{{ summary }}' });
    const saved = await post('save', { robot: 'plain', key: 'push', text: '{{ summary }}' });

    expect(answer.refusal).toBe(
      'a DingTalk robot with msgtype text takes no template; markdown and actionCard do',
    );
    expect(answer.previews[0]).toMatchObject({ kind: 'fallback' });
    expect(saved.status).toBe(422);
  });
});
