import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { loadSettings } from '../../lib/settings/load-settings';
import { loadParameters } from '../../lib/settings/load-parameters';
import { encodeTemplateValue } from '../../lib/settings/template-parameters';
import { createTestSsmClient, runCliAgainstFake } from './ssm-test-client';

const STAGE = '/gitee-dingtalk/test';
const TOKEN = 'tokentest-release-0123456789';

/** Line numbers below count from the first line of this text. */
const FILE = `gitee: {secret: gitee-test-secret-templates-01}
robots:
  release:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}
    keywords: [发布]
    templates:
      tag_push:
        title: "Release {{ tag }}"
        text: |
          **Release {{ tag }}** · {{ repository.full_name }}
          By {{ actor.name }} at {{ time }}
  plain:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=tokentest-plain-0123456789
    msgtype: text
    keywords: [Gitee]
defaults:
  templates:
    push:
      text: |
        {{ actor.name }} pushed to {{ branch }}
`;

describe('settings CLI with templates', () => {
  let ssm: FakeSsm;
  let files: Record<string, string>;
  let out: string[];
  let err: string[];

  const run = (...argv: string[]) =>
    runCliAgainstFake(argv, { endpoint: ssm.endpoint, files, out, err, generatedSecret: 'x' });

  beforeEach(async () => {
    ssm = await startFakeSsm();
    files = { 'settings.yml': FILE };
    out = [];
    err = [];
  });

  afterEach(async () => {
    await ssm.close();
  });

  describe('check', () => {
    it("lists each robot's templates and whom the defaults reach, and warns where they cannot", async () => {
      expect(await run('check', '--file', 'settings.yml')).toBe(0);

      expect(out).toEqual([
        'settings.yml: valid',
        '  gitee secrets: 1',
        '  robot release: DingTalk, not signed, keywords 发布, markdown, zh-CN',
        '  robot plain: DingTalk, not signed, keywords Gitee, text, zh-CN',
        '  routes: none (every event goes to every robot)',
        '  mentions: 0, ignored senders: 0',
        '  templates of robot release: tag_push',
        '  defaults.templates: push (for no robot)',
        'warning: defaults.templates do not reach robot plain: a DingTalk text message takes no template, so it stays built-in',
      ]);
    });

    it("reports an unknown field at the template's line and column and at the file's", async () => {
      files['settings.yml'] = FILE.replace('By {{ actor.name }}', 'By {{ actor.nme }}');

      expect(await run('check', '--file', 'settings.yml')).toBe(1);

      expect(err).toEqual([
        [
          'invalid templates (1 problem):',
          '  robots.release.templates.tag_push.text: unknown field "actor.nme"; did you mean "actor.name"? (line 2, col 7)',
          '    at settings.yml:11:17',
          '       1| **Release {{ tag }}** · {{ repository.full_name }}',
          '    >> 2| By {{ actor.nme }} at {{ time }}',
          '        |       ^',
          '       3| ',
        ].join('\n'),
      ]);
      // Line 11, column 17 of the file is where "actor" is.
      expect(FILE.split('\n')[10]!.slice(16, 21)).toBe('actor');
    });

    it('reports an unknown filter in a quoted title at the line where the title starts', async () => {
      files['settings.yml'] = FILE.replace('"Release {{ tag }}"', '"Release {{ tag | upcas }}"');

      expect(await run('check', '--file', 'settings.yml')).toBe(1);

      expect(err[0]).toContain(
        'robots.release.templates.tag_push.title: undefined filter: upcas (line 1, col 18)',
      );
      expect(err[0]).toContain('at settings.yml line 8, where the template starts');
    });
  });

  describe('push', () => {
    it('writes each template as a String parameter SSM accepts, and the Lambda reads them back', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);

      const text = ssm.get(`${STAGE}/templates/release/tag_push/text`);
      expect(text?.type).toBe('String');
      expect(text?.value).not.toMatch(/\{\{/);
      expect(ssm.get(`${STAGE}/templates/defaults/push/text`)?.type).toBe('String');
      expect(ssm.get(`${STAGE}/config`)?.value).not.toMatch(/templates/);
      expect(out).toContain('  created    templates/release/tag_push/text (String)');

      const client = createTestSsmClient(ssm.endpoint);
      try {
        const settings = await loadSettings(await loadParameters(client, STAGE));
        const release = settings.robots.find((robot) => robot.name === 'release');
        expect(release?.templates?.tag_push).toEqual({
          title: 'Release {{ tag }}',
          text: '**Release {{ tag }}** · {{ repository.full_name }}\nBy {{ actor.name }} at {{ time }}\n',
        });
        expect(settings.templateProblems).toEqual([]);
      } finally {
        client.destroy();
      }
    });

    it('has to escape the braces: SSM refuses a value holding {{ … }}', async () => {
      const client = createTestSsmClient(ssm.endpoint);
      try {
        const put = (value: string) =>
          client.send(
            new PutParameterCommand({
              Name: `${STAGE}/templates/x/push/text`,
              Value: value,
              Type: 'String',
            }),
          );
        await expect(put('{{ actor.name }}')).rejects.toMatchObject({
          name: 'ValidationException',
        });
        await expect(put(encodeTemplateValue('{{ actor.name }}'))).resolves.toBeDefined();
      } finally {
        client.destroy();
      }
    });

    it('refuses a file with a template mistake and writes nothing', async () => {
      files['settings.yml'] = FILE.replace('{{ branch }}', '{{ branch | cutt: 5 }}');

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(1);

      expect(err.join('\n')).toMatch(/defaults\.templates\.push\.text: .*\(line 1, col \d+\)/);
      expect(ssm.calls.filter((call) => call.op !== 'GetParametersByPath')).toEqual([]);
    });

    it('deletes templates the file dropped before it writes config, and writes new ones after it', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);
      // release turns into a text robot without templates; plain turns to markdown with one.
      files['settings.yml'] = FILE.replace(
        / {4}templates:\n {6}tag_push:\n[\s\S]*?(?= {2}plain:)/,
        '    msgtype: text\n',
      ).replace(
        '    msgtype: text\n    keywords: [Gitee]',
        '    keywords: [Gitee]\n    templates: { issue: { text: "{{ issue.title }}" } }',
      );
      ssm.calls.length = 0;
      out = [];

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);

      const writes = ssm.calls
        .filter((call) => call.op === 'PutParameter' || call.op === 'DeleteParameters')
        .map((call) => `${call.op} ${String(call.input.Name ?? call.input.Names)}`);
      expect(writes).toEqual([
        `DeleteParameters ${STAGE}/templates/release/tag_push/text`,
        `DeleteParameters ${STAGE}/templates/release/tag_push/title`,
        `PutParameter ${STAGE}/config`,
        `PutParameter ${STAGE}/templates/plain/issue/text`,
      ]);
      expect(out).toContain(
        '  deleted    templates/release/tag_push/title: the file has no robots.release.templates.tag_push.title',
      );
    });
  });

  describe('show', () => {
    it('lists the templates where the file has them, decoded', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);
      out = [];

      expect(await run('show', '--stage', 'test')).toBe(0);

      const shown = out.join('\n');
      expect(shown).toContain('      tag_push:\n        title: Release {{ tag }}\n        text: |');
      expect(shown).toContain('          By {{ actor.name }} at {{ time }}');
      expect(shown).toContain('defaults:\n  templates:\n    push:');
      expect(shown).toContain(
        'templates: 3 parameters: templates/defaults/push/text, templates/release/tag_push/text, templates/release/tag_push/title',
      );
      expect(shown).not.toContain(TOKEN);
      expect(out.at(-1)).toBe('Valid: the Lambda accepts these settings.');
    });

    it('says which stored templates the Lambda sets aside, and exits 1', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);
      ssm.set(`${STAGE}/templates/defaults/push/text`, encodeTemplateValue('{% if x %}open'));
      out = [];

      expect(await run('show', '--stage', 'test')).toBe(1);

      const shown = out.join('\n');
      expect(shown).toContain('Valid: the Lambda accepts these settings.');
      expect(shown).toMatch(
        /defaults\.templates\.push\.text: tag \{% if x %\} not closed \(line 1, col 1\)/,
      );
      expect(shown).toContain('built-in messages until a push fixes them');
    });

    it("masks a robot webhook or signing secret pasted into a template's text", async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);
      ssm.set(
        `${STAGE}/templates/defaults/push/text`,
        `see https://oapi.dingtalk.com/robot/send?access_token=${TOKEN} SEC0123456789abcdef0123`,
      );
      out = [];

      await run('show', '--stage', 'test');

      const shown = out.join('\n');
      expect(shown).toContain('see https://oapi.dingtalk.com/<masked> SEC…(masked)');
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain('SEC0123456789abcdef0123');
    });
  });
});
