import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { SettingsError } from '../../lib/errors';
import { buildSettings } from '../../lib/settings/build-settings';
import { loadParameters, type ParameterRecord } from '../../lib/settings/load-parameters';
import { pushFailure } from '../../scripts/settings/push-failure';
import { createTestSsmClient, runCliAgainstFake } from './ssm-test-client';

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
    runCliAgainstFake(argv, {
      endpoint: ssm.endpoint,
      files,
      out,
      err,
      generatedSecret: 'gitee-test-secret-rotated-0002',
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
        '  robot backend: DingTalk, signed, keywords Gitee, markdown, zh-CN',
        '  robot release: DingTalk, not signed, keywords 发布, markdown, zh-CN',
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

  describe('robots of each platform', () => {
    const WECOM_KEY = 'keytest-3f9a1c7e-5b2d-4e8f';
    const PLATFORMS_FILE = `
gitee: {secret: ${SECRETS[0]}}
robots:
  team:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=${SECRETS[2]}
    secret: ${SECRETS[1]}
    keywords: [Gitee]
  news:
    webhook: https://open.feishu.cn/open-apis/bot/v2/hook/hooktest-0a1b2c3d
    secret: feishu-test-secret-0001
    keywords: [Gitee]
    msgtype: interactive2
  ops:
    platform: wecom
    webhook: "${WECOM_KEY}"
  quiet:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=${SECRETS[3]}
mentions:
  alice: {mobile: "13800000000", feishu: ou_7d8a6e6df7621556ce0d21922b676706, wecom: zhangsan}
`;
    const CREDENTIALS = [...SECRETS, WECOM_KEY, 'hooktest-0a1b2c3d', 'feishu-test-secret-0001'];

    beforeEach(() => {
      files['platforms.yml'] = PLATFORMS_FILE;
    });

    it("check names each robot's platform and warns only where DingTalk would refuse", async () => {
      expect(await run('check', '--file', 'platforms.yml')).toBe(0);

      expect(out).toEqual([
        'platforms.yml: valid',
        '  gitee secrets: 1',
        '  robot team: DingTalk, signed, keywords Gitee, markdown, zh-CN',
        '  robot news: Feishu, signed, keywords Gitee, interactive2, zh-CN',
        '  robot ops: WeCom, not signed, no keywords, markdown, zh-CN',
        '  robot quiet: DingTalk, not signed, no keywords, markdown, zh-CN',
        '  routes: none (every event goes to every robot)',
        '  mentions: 1, ignored senders: 0',
        'warning: robot quiet has neither keywords nor a secret; DingTalk refuses its messages unless its security setting is an IP allow-list',
      ]);
    });

    it('push stores the bare WeCom key as its full URL; show lists every platform and identity', async () => {
      expect(await run('push', '--stage', 'test', '--file', 'platforms.yml')).toBe(0);
      expect(ssm.get(`${STAGE}/robots/ops/webhook`)?.value).toBe(
        `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`,
      );
      out = [];

      expect(await run('show', '--stage', 'test')).toBe(0);

      expect(out).toEqual(
        expect.arrayContaining([
          'platform of news: feishu (inferred from its webhook)',
          'platform of ops: wecom (robots.ops.platform)',
          'platform of quiet: dingtalk (inferred from its webhook)',
          'platform of team: dingtalk (inferred from its webhook)',
        ]),
      );
      const text = out.join('\n');
      expect(text).toContain('webhook: https://qyapi.weixin.qq.com/<masked>');
      expect(text).toContain('feishu: ou_7d8a6e6df7621556ce0d21922b676706\n    wecom: zhangsan');
      expect(out.at(-1)).toBe('Valid: the Lambda accepts these settings.');
      for (const secret of CREDENTIALS) expect(printed()).not.toContain(secret);
    });

    it.each([
      [
        'a secret for a WeCom robot',
        (file: string) =>
          file.replace(
            '    platform: wecom\n',
            '    platform: wecom\n    secret: SECtest-ops-0001\n',
          ),
        'robots/ops/secret: WeCom has no signing, so a WeCom robot has no secret; delete this parameter',
      ],
      [
        'keywords for a WeCom robot',
        (file: string) =>
          file.replace('    platform: wecom\n', '    platform: wecom\n    keywords: [Gitee]\n'),
        'config: robots.ops.keywords: WeCom robots have no custom keywords; remove them',
      ],
      [
        'a legacy Feishu webhook',
        (file: string) => file.replace('/open-apis/bot/v2/hook/', '/open-apis/bot/hook/'),
        'robots/news/webhook: is a legacy v1 Feishu webhook',
      ],
      [
        'a DingTalk msgtype for a Feishu robot',
        (file: string) => file.replace('msgtype: interactive2', 'msgtype: actionCard'),
        'config: robots.news.msgtype: must be one of interactive, interactive2, post, text for a Feishu robot (got "actionCard")',
      ],
      [
        'a linkMode for a Feishu robot',
        (file: string) => file.replace('msgtype: interactive2', 'linkMode: browser'),
        'config: robots.news.linkMode: only DingTalk robots have a linkMode; this is a Feishu robot',
      ],
      [
        'a bare WeCom key without platform: wecom',
        (file: string) => file.replace('    platform: wecom\n', ''),
        'robots/ops/webhook: must be an http(s) URL (a WeCom robot given by its key alone needs platform: wecom)',
      ],
    ])('check and push refuse %s before touching SSM', async (_case, edit, message) => {
      files['platforms.yml'] = edit(PLATFORMS_FILE);

      expect(await run('check', '--file', 'platforms.yml')).toBe(1);
      expect(await run('push', '--stage', 'test', '--file', 'platforms.yml')).toBe(1);

      expect(ssm.calls).toEqual([]);
      expect(err).toHaveLength(2);
      for (const line of err) expect(line).toContain(message);
      for (const secret of CREDENTIALS) expect(printed()).not.toContain(secret);
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
