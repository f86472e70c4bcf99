import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { SettingsError } from '../../lib/errors';
import { buildSettings } from '../../lib/settings/build-settings';
import { loadParameters, type ParameterRecord } from '../../lib/settings/load-parameters';
import { runSettingsCli } from '../../scripts/settings/cli';
import { pushFailure } from '../../scripts/settings/push-failure';
import { createTestSsmClient } from './ssm-test-client';

const STAGE = '/gitee-dingtalk/test';
const SECRETS = [
  'gitee-test-secret-file-0001',
  'SECtest-backend-0123456789abcdef',
  'test-token-backend-0123456789',
  'test-token-release-0123456789',
];
const FILE = `
gitee: {secret: ${SECRETS[0]}}
robots:
  backend:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=${SECRETS[2]}
    secret: ${SECRETS[1]}
    keywords: [Gitee]
  release:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=${SECRETS[3]}
    keywords: [发布]
routes:
  - repos: ["org/api"]
    events: [push]
    robots: [backend]
  - events: [tag_push, "pull_request.merge"]
    robots: [release]
mentions:
  alice: {mobile: "13800000000"}
`;

describe('settings CLI', () => {
  let ssm: FakeSsm;
  let files: Record<string, string>;
  let out: string[];
  let err: string[];

  const run = (...argv: string[]) =>
    runSettingsCli(argv, {
      createClient: () => createTestSsmClient(ssm.endpoint),
      readFile: async (path) => {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
        return text;
      },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      defaultRegion: 'ap-east-1',
      generateSecret: () => 'gitee-test-secret-rotated-0002',
    });

  const printed = () => [...out, ...err].join('\n');

  beforeEach(async () => {
    ssm = await startFakeSsm();
    files = { 'settings.yml': FILE };
    out = [];
    err = [];
  });

  afterEach(async () => {
    await ssm.close();
  });

  describe('push', () => {
    it('writes secrets as SecureString and config as String under /gitee-dingtalk/<stage>, printing no secret', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);

      expect(ssm.get(`${STAGE}/gitee/secret`)).toMatchObject({
        value: SECRETS[0],
        type: 'SecureString',
      });
      expect(ssm.get(`${STAGE}/robots/backend/webhook`)).toMatchObject({ type: 'SecureString' });
      expect(ssm.get(`${STAGE}/robots/backend/secret`)).toMatchObject({
        value: SECRETS[1],
        type: 'SecureString',
      });
      expect(ssm.get(`${STAGE}/robots/release/webhook`)?.type).toBe('SecureString');
      expect(ssm.get(`${STAGE}/robots/release/secret`)).toBeUndefined();
      expect(ssm.get(`${STAGE}/config`)?.type).toBe('String');
      expect(ssm.get(`${STAGE}/config`)?.value).not.toMatch(/test-token|SECtest|gitee-test/);
      expect(out).toEqual([
        'Pushing settings.yml to /gitee-dingtalk/test:',
        '  created    gitee/secret (SecureString)',
        '  created    robots/backend/webhook (SecureString)',
        '  created    robots/release/webhook (SecureString)',
        '  created    robots/backend/secret (SecureString)',
        '  created    config (String)',
        'Done: 5 change(s) written.',
      ]);
      for (const secret of SECRETS) expect(printed()).not.toContain(secret);
    });

    it('changes nothing with --dry-run and prints the plan', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'settings.yml', '--dry-run')).toBe(0);

      expect(ssm.calls.map((call) => call.op)).toEqual(['GetParametersByPath']);
      expect(ssm.get(`${STAGE}/config`)).toBeUndefined();
      expect(out[0]).toBe('Plan for /gitee-dingtalk/test (dry run: nothing is written):');
      expect(out).toContain('  create     robots/backend/secret (SecureString)');
      expect(out.at(-1)).toBe('Dry run: 5 change(s) not written.');
      for (const secret of SECRETS) expect(printed()).not.toContain(secret);
    });

    it('reports unchanged, updated and deleted parameters by name on a second push', async () => {
      await run('push', '--stage', 'test', '--file', 'settings.yml');
      ssm.set(
        `${STAGE}/robots/old/webhook`,
        'https://example.test/?access_token=test-token-old',
        'SecureString',
      );
      ssm.set(`${STAGE}/robots/release/webhook`, 'https://example.test/?access_token=x', 'String');
      files['settings.yml'] = FILE.replace(`    secret: ${SECRETS[1]}\n`, '').replace(
        'keywords: [Gitee]',
        'keywords: [Gitee, 代码]',
      );
      out = [];

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);

      expect(out).toEqual([
        'Pushing settings.yml to /gitee-dingtalk/test:',
        '  unchanged  gitee/secret',
        '  unchanged  robots/backend/webhook',
        '  updated    robots/release/webhook: type String → SecureString',
        '  updated    config',
        '  deleted    robots/backend/secret: the file gives robot "backend" no secret',
        '  deleted    robots/old/webhook: robot "old" is not in the file',
        'Done: 4 change(s) written.',
      ]);
      expect(ssm.get(`${STAGE}/robots/old/webhook`)).toBeUndefined();
      expect(ssm.get(`${STAGE}/robots/release/webhook`)).toMatchObject({
        type: 'SecureString',
        value: expect.stringContaining(SECRETS[3] as string),
      });
    });

    it('keeps gitee/secret when the file has no gitee section (a rotated secret survives)', async () => {
      ssm.set(`${STAGE}/gitee/secret`, 'gitee-test-secret-rotated-0002', 'SecureString');
      files['settings.yml'] = FILE.replace(/^gitee: .*$/m, '');

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);

      expect(out).toContain('  kept       gitee/secret: not in the file');
      expect(ssm.get(`${STAGE}/gitee/secret`)?.value).toBe('gitee-test-secret-rotated-0002');
    });

    it('refuses an invalid file before touching SSM (exit 1, precise message)', async () => {
      files['settings.yml'] = FILE.replace('robots: [release]', 'robots: [relase]');

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(1);

      expect(ssm.calls).toEqual([]);
      expect(err.join('\n')).toContain(
        'config: routes[1].robots[0]: no robot "relase"; known: backend, release',
      );
    });

    it('exits 1 naming the SSM call when SSM refuses', async () => {
      ssm.failNext('PutParameter', 1, 'AccessDeniedException');

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(1);

      expect(err).toEqual([
        [
          'SSM PutParameter failed: AccessDeniedException (HTTP 400) - Injected AccessDeniedException (fake). (gitee/secret)',
          'Written: nothing',
          'Not written: gitee/secret (create), robots/backend/webhook (create), robots/release/webhook (create), robots/backend/secret (create), config (create)',
          'The settings now in SSM are valid: the Lambda keeps working. Push again to finish.',
        ].join('\n'),
      ]);
    });

    it('says nothing was written when SSM cannot be read', async () => {
      ssm.failNext('GetParametersByPath', 1, 'AccessDeniedException');

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(1);

      expect(err.join('\n')).toMatch(/^SSM GetParametersByPath failed: .*\nNothing was written\.$/);
    });
  });

  describe('push order (a robot renamed from old to new)', () => {
    const renameFile = (robot: string) => `
gitee: {secret: ${SECRETS[0]}}
robots:
  ${robot}:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=test-token-${robot}
    secret: SECtest-${robot}-0001
    keywords: [Gitee]
routes:
  - events: [push]
    robots: [${robot}]
`;
    /** Secrets and webhooks, then config, then deletions: independently of the code's table. */
    const WRITES = [
      ['PutParameter', 'robots/new/webhook'],
      ['PutParameter', 'robots/new/secret'],
      ['PutParameter', 'config'],
      ['DeleteParameters', 'robots/old/secret'],
      ['DeleteParameters', 'robots/old/webhook'],
    ] as const;
    const describeWrite = ([op, name]: (typeof WRITES)[number]) =>
      `${name} (${op === 'PutParameter' ? (name === 'config' ? 'update' : 'create') : 'delete'})`;
    const list = (writes: ReadonlyArray<(typeof WRITES)[number]>) =>
      writes.length === 0 ? 'nothing' : writes.map(describeWrite).join(', ');

    /** What a cold start would do with what SSM holds: build the settings, or fail (500). */
    const storedSettingsProblem = async () => {
      const client = createTestSsmClient(ssm.endpoint);
      try {
        buildSettings(await loadParameters(client, STAGE));
        return null;
      } catch (error) {
        if (error instanceof SettingsError) return error.message;
        throw error;
      } finally {
        client.destroy();
      }
    };

    beforeEach(async () => {
      files['old.yml'] = renameFile('old');
      files['new.yml'] = renameFile('new');
      expect(await run('push', '--stage', 'test', '--file', 'old.yml')).toBe(0);
      ssm.calls.length = 0;
      out = [];
    });

    it('writes secrets and webhooks first, config after them, deletions last', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'new.yml')).toBe(0);

      const writes = ssm.calls
        .filter((call) => call.op !== 'GetParametersByPath')
        .map((call) => [call.op, String(call.input.Name ?? call.input.Names)]);
      expect(writes).toEqual(WRITES.map(([op, name]) => [op, `${STAGE}/${name}`]));
      expect(await storedSettingsProblem()).toBeNull();
    });

    it.each(WRITES.map((write, index) => [write[1], index] as const))(
      'leaves settings the Lambda accepts, and says what was written, when writing %s fails',
      async (name, index) => {
        const failing = WRITES[index] as (typeof WRITES)[number];
        ssm.failNext(failing[0], 1, 'ThrottlingException', `${STAGE}/${name}`);

        expect(await run('push', '--stage', 'test', '--file', 'new.yml')).toBe(1);

        expect(await storedSettingsProblem()).toBeNull();
        expect(err).toEqual([
          [
            `SSM ${failing[0]} failed: ThrottlingException (HTTP 400) (${name})`,
            `Written: ${list(WRITES.slice(0, index))}`,
            `Not written: ${list(WRITES.slice(index))}`,
            'The settings now in SSM are valid: the Lambda keeps working. Push again to finish.',
          ].join('\n'),
        ]);
        for (const [op, written] of WRITES.slice(0, index)) {
          const stored = ssm.get(`${STAGE}/${written}`);
          if (op === 'DeleteParameters') expect(stored).toBeUndefined();
          else expect(stored).toBeDefined();
        }

        err = [];
        expect(await run('push', '--stage', 'test', '--file', 'new.yml')).toBe(0);
        expect(ssm.get(`${STAGE}/robots/old/webhook`)).toBeUndefined();
        expect(ssm.get(`${STAGE}/config`)?.value).toContain('- new');
      },
    );

    it('says it cannot tell whether a call that got no answer was written', () => {
      const webhook: ParameterRecord = {
        value: 'https://example.test/robot/send?access_token=t',
        type: 'SecureString',
      };
      const change = { name: 'config', action: 'update' as const };
      const noAnswer = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });

      const error = pushFailure(noAnswer, change, {
        current: new Map([
          ['robots/old/webhook', webhook],
          ['config', { value: 'routes: [{robots: [old]}]', type: 'String' }],
        ]),
        desired: new Map([
          ['robots/old/webhook', webhook.value],
          ['config', 'routes: [{robots: [new]}]'],
        ]),
        changes: [change],
        written: [],
      });

      // Not written: old config, valid. Written: a config naming a robot with no webhook.
      expect(error.message.split('\n')).toEqual([
        'SSM PutParameter failed: TimeoutError (config)',
        'Written: nothing',
        'Not written: nothing',
        'Unknown (no answer from SSM): config (update)',
        'The settings now in SSM may not be valid: cold starts answer 500 until a push succeeds.',
      ]);
    });
  });

  describe('show', () => {
    it('prints the settings with every secret masked', async () => {
      await run('push', '--stage', 'test', '--file', 'settings.yml');
      out = [];

      expect(await run('show', '--stage', 'test')).toBe(0);

      const text = out.join('\n');
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).toContain('webhook: https://oapi.dingtalk.com/<masked>');
      expect(text).toContain('secret: SEC…(masked)');
      expect(text).toContain('secrets:\n    - (masked)');
      expect(text).toContain('keywords:\n      - Gitee');
      expect(text).toContain('alice:\n    mobile: "13800000000"');
      expect(out.at(-1)).toBe('Valid: the Lambda accepts these settings.');
    });

    it('exits 1 and names the problem when SSM holds invalid settings', async () => {
      ssm.set(`${STAGE}/robots/team/webhook`, 'not a url test-token-team', 'SecureString');

      expect(await run('show', '--stage', 'test')).toBe(1);

      expect(out.join('\n')).toContain('robots/team/webhook: must be an http(s) URL');
      expect(printed()).not.toContain('test-token-team');
    });
    it('notes a rotation in progress and masks anything in config that is not a robot option', async () => {
      ssm.set(`${STAGE}/gitee/secret`, 'gitee-test-a-0001\ngitee-test-b-0002', 'SecureString');
      ssm.set(
        `${STAGE}/robots/team/webhook`,
        'https://user:pw-test@example.test/hook?access_token=test-token-team&x=1',
        'SecureString',
      );
      ssm.set(
        `${STAGE}/config`,
        'robots: {team: {keywords: [Gitee], secret: SECtest-misplaced-0001}}',
      );

      expect(await run('show', '--stage', 'test')).toBe(1);

      const text = out.join('\n');
      expect(text).toContain('secrets:\n    - (masked)\n    - (masked)');
      expect(text).toContain(
        'note: 2 Gitee secrets: a rotation is in progress (the last one is the newest)',
      );
      expect(text).toContain('webhook: https://example.test/<masked>');
      expect(text).toContain('secret: "(masked: not a robot option)"');
      expect(text).toContain('config: robots.team.secret: unknown key');
      expect(printed()).not.toMatch(/gitee-test-|test-token-team|pw-test|SECtest-misplaced/);
    });

    it('says so when the stage has no parameters', async () => {
      expect(await run('show', '--stage', 'empty')).toBe(0);
      expect(out).toEqual([
        'No parameters under /gitee-dingtalk/empty: push a settings file first.',
      ]);
    });
  });

  describe('check', () => {
    it('validates a file offline and summarises it without secrets', async () => {
      expect(await run('check', '--file', 'settings.yml')).toBe(0);

      expect(ssm.calls).toEqual([]);
      expect(out).toEqual([
        'settings.yml: valid',
        '  gitee secrets: 1',
        '  robot backend: signed, keywords Gitee, markdown, zh-CN',
        '  robot release: not signed, keywords 发布, markdown, zh-CN',
        '  routes: 2',
        '  mentions: 1, ignored senders: 0',
      ]);
    });

    it('reports a typo precisely', async () => {
      files['settings.yml'] = FILE.replace('events: [push]', 'evnts: [push]');

      expect(await run('check', '--file', 'settings.yml')).toBe(1);

      expect(err).toEqual([
        'invalid settings (1 problem):\n  config: routes[0].evnts: unknown key; expected repos, events, branches, robots, atAll',
      ]);
    });

    it('exits 1 when the file cannot be read', async () => {
      expect(await run('check', '--file', 'missing.yml')).toBe(1);
      expect(err).toEqual(['cannot read missing.yml (ENOENT)']);
    });
  });

  describe('rotate-gitee-secret', () => {
    it('adds a new secret as a second line, prints it once, and --finish removes the old one', async () => {
      ssm.set(`${STAGE}/gitee/secret`, 'gitee-test-secret-old-0001', 'SecureString');

      expect(await run('rotate-gitee-secret', '--stage', 'test')).toBe(0);

      expect(ssm.get(`${STAGE}/gitee/secret`)).toMatchObject({
        value: 'gitee-test-secret-old-0001\ngitee-test-secret-rotated-0002',
        type: 'SecureString',
      });
      expect(printed().split('gitee-test-secret-rotated-0002')).toHaveLength(2);
      expect(printed()).not.toContain('gitee-test-secret-old-0001');

      out = [];
      expect(await run('rotate-gitee-secret', '--stage', 'test', '--finish')).toBe(0);

      expect(ssm.get(`${STAGE}/gitee/secret`)?.value).toBe('gitee-test-secret-rotated-0002');
      expect(printed()).not.toContain('gitee-test-secret');
    });

    it('refuses to start a second rotation before the first is finished', async () => {
      ssm.set(`${STAGE}/gitee/secret`, 'gitee-test-a\ngitee-test-b', 'SecureString');

      expect(await run('rotate-gitee-secret', '--stage', 'test')).toBe(1);

      expect(err[0]).toMatch(/already holds 2 secrets: a rotation is in progress/);
      expect(ssm.get(`${STAGE}/gitee/secret`)?.version).toBe(1);
    });

    it('creates the parameter when there is no secret yet', async () => {
      expect(await run('rotate-gitee-secret', '--stage', 'test')).toBe(0);
      expect(ssm.get(`${STAGE}/gitee/secret`)?.value).toBe('gitee-test-secret-rotated-0002');
    });
  });

  describe('usage', () => {
    it.each([
      [[], 'no command given'],
      [['deploy'], 'unknown command "deploy"'],
      [['push', '--stage', 'test'], 'push needs --file'],
      [['show', '--stage', 'test', '--finish'], 'show does not take --finish'],
      [['check', '--file', 'settings.yml', '--stage', 'x'], 'check does not take --stage'],
      [
        ['show', '--stage', 'a/b'],
        '--stage must be letters, digits and - (a Serverless stage name)',
      ],
      [['show', '--stag', 'test'], "Unknown option '--stag'"],
    ])('exits 2 for %j', async (argv, message) => {
      expect(await run(...argv)).toBe(2);
      expect(err[0]).toContain(message);
      expect(err[0]).toContain('Usage: npm run settings');
    });

    it('prints the usage with --help and exits 0', async () => {
      expect(await run('--help')).toBe(0);
      expect(out[0]).toMatch(/^Usage:/);
    });
  });
});
