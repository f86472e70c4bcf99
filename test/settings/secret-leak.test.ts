import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import {
  assertNoSecrets,
  SENTINEL_SECRETS as S,
  SENTINEL_SETTINGS_FILE,
  SENTINEL_WEBHOOKS as W,
} from '../helpers/secret-sentinels';
import { runCliAgainstFake } from './ssm-test-client';

const STAGE = '/gitee-dingtalk/test';
/**
 * A WeCom robot's key, its only credential (WeCom has no signing), shaped as the sentinels are:
 * every 8-character piece of it is its own.
 */
const WECOM_KEY = 'testWk4Rb8Nq1Vz6Hc3Xp9Jm2Ld7Ty5';
const WECOM_WEBHOOK = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`;
const SECRETS = { ...S, wecomKey: WECOM_KEY };
/** rotate-gitee-secret prints the secret it makes, once, on purpose: it is not a sentinel. */
const ROTATED = 'rotated-secret-shown-once';

const robot = (name: string, body: string) => `robots:\n  ${name}:\n${body}`;
const signed = `    webhook: ${W.dingtalk}\n`;
const shape = (secret: string) => `a string of ${secret.length} characters`;
const wecom = (body: string) => robot('ops', `    platform: wecom\n${body}`);
const feishu = (webhook: string, body = '') => robot('news', `    webhook: "${webhook}"\n${body}`);

/** A settings file that check and push must refuse, and a piece of the message they must print. */
const BAD_FILES: Array<[string, string, string]> = [
  [
    'a secret where gitee: needs a mapping',
    `gitee: ${S.giteeSecret}`,
    `gitee: must be a mapping (got ${shape(S.giteeSecret)})`,
  ],
  [
    'a password where gitee: needs a mapping',
    `gitee: ${S.password}`,
    `gitee: must be a mapping (got ${shape(S.password)})`,
  ],
  [
    'a DingTalk secret where robots.<name> needs a mapping',
    `robots:\n  team: ${S.dingtalkSecret}`,
    `robots.team: must be a mapping (got ${shape(S.dingtalkSecret)})`,
  ],
  [
    'a webhook where robots.<name> needs a mapping',
    `robots:\n  team: ${W.dingtalk}`,
    `robots.team: must be a mapping (got ${shape(W.dingtalk)})`,
  ],
  [
    'a secret as the whole file',
    S.dingtalkSecret,
    `(top level): must be a mapping (got ${shape(S.dingtalkSecret)})`,
  ],
  [
    'a list of secrets under gitee.secret',
    `gitee: {secret: [${S.giteeSecret}]}`,
    'gitee.secret: must be a non-empty string (got a list)',
  ],
  [
    'a secret under gitee.secrets instead of a list',
    `gitee: {secrets: ${S.giteeSecret}}`,
    `gitee.secrets: must be a list of one or more secrets (got ${shape(S.giteeSecret)})`,
  ],
  [
    'a two-line secret',
    `gitee: {secret: "${S.giteeSecret}\\n${S.giteeSecretNext}"}`,
    'gitee.secret: must be a single line',
  ],
  [
    'an unquoted secret beginning with *',
    `gitee:\n  secret: *${S.giteeSecret}`,
    'line 2, column 11: ',
  ],
  ['an unquoted secret beginning with |', `gitee:\n  secret: |${S.giteeSecret}`, 'line 2, column '],
  [
    'an unquoted secret beginning with >',
    robot('team', `${signed}    secret: >${S.dingtalkSecret}`),
    'line 4, column ',
  ],
  [
    'an unquoted secret beginning with !',
    `gitee:\n  secret: !${S.giteeSecret}`,
    'line 2, column 11: ',
  ],
  ['an unquoted secret beginning with &', `gitee:\n  secret: &${S.giteeSecret}`, 'gitee.secret: '],
  [
    'an unquoted secret beginning with %',
    `gitee:\n  secret: %${S.password}`,
    'line 2, column 11: ',
  ],
  [
    'an unquoted secret beginning with @',
    `gitee:\n  secret: @${S.password}`,
    'line 2, column 11: ',
  ],
  ['an unclosed quote', `gitee:\n  secret: "${S.giteeSecret}\nrobots: {}`, 'line '],
  ['a bad escape in double quotes', `gitee:\n  secret: "\\q${S.giteeSecret}"`, 'line 2, column '],
  [
    'a secret holding ": "',
    `gitee:\n  secret: ${S.password}: ${S.giteeSecret}`,
    'line 2, column 11: ',
  ],
  ['a broken flow mapping', `gitee: {secret: ${S.giteeSecret}, ]`, 'line 1, column '],
  [
    'a YAML directive made of a secret',
    `%YAML ${S.password}\n---\ngitee: {secret: x}`,
    'line 1, column ',
  ],
  ['a tab before a secret', `gitee:\n\tsecret: ${S.giteeSecret}`, 'line 2, column 1: '],
  [
    'a duplicated secret key',
    `gitee:\n  secret: ${S.giteeSecret}\n  secret: ${S.giteeSecretNext}`,
    'line 3, column 3: ',
  ],
  [
    'an access token where the webhook URL belongs',
    robot('team', `    webhook: ${S.accessToken}`),
    'robots/team/webhook: must be an http(s) URL',
  ],
  [
    'a number where the webhook belongs',
    robot('team', '    webhook: 8237461923847'),
    'robots.team.webhook: must be a non-empty string (got a number; put it in quotes)',
  ],
  [
    'an unknown key holding a password',
    `gitee: {secret: x, password: ${S.password}}`,
    'gitee.password: unknown key',
  ],
  [
    'a secret under an unknown robot key',
    robot('team', `${signed}    token: ${S.dingtalkSecret}`),
    'config: robots.team.token: unknown key',
  ],
  ['a secret under an unknown top-level key', `secret: ${S.dingtalkSecret}`, 'secret: unknown key'],
  [
    'a password as giteeAuth',
    `giteeAuth: ${S.password}`,
    `config: giteeAuth: must be one of sign, password, either (got ${shape(S.password)})`,
  ],
  [
    'a secret as a robot locale',
    robot('team', `${signed}    locale: ${S.dingtalkSecret}`),
    `config: robots.team.locale: must be one of zh-CN, en (got ${shape(S.dingtalkSecret)})`,
  ],
  [
    'a secret as a time zone',
    `defaults: {timezone: ${S.giteeSecret}}`,
    'config: defaults.timezone: must be an IANA time zone',
  ],
  [
    'a secret as maxCommits',
    `defaults: {maxCommits: ${S.password}}`,
    'config: defaults.maxCommits: must be a whole number',
  ],
  [
    'a secret as keywords',
    robot('team', `${signed}    keywords: ${S.dingtalkSecret}`),
    'config: robots.team.keywords: must be a list',
  ],
  [
    'a password as a mention',
    `mentions: {bob: ${S.password}}`,
    `config: mentions.bob: must be a mapping (got ${shape(S.password)})`,
  ],
  [
    'a secret as a route',
    `routes: [${S.dingtalkSecret}]`,
    `config: routes[0]: must be a mapping (got ${shape(S.dingtalkSecret)})`,
  ],
  [
    'a secret as a route robot',
    `${robot('team', signed)}routes: [{robots: [${S.dingtalkSecret}]}]`,
    'config: routes[0].robots[0]: no robot',
  ],
  [
    'a secret as a route event',
    `${robot('team', signed)}routes: [{events: [${S.giteeSecret}], robots: [team]}]`,
    'config: routes[0].events[0]: unknown event',
  ],
  [
    'a secret as a broken glob',
    `${robot('team', signed)}routes: [{repos: ["[${S.giteeSecret}"], robots: [team]}]`,
    'config: routes[0].repos[0]: invalid glob',
  ],
  [
    'a webhook as an allowed Gitee host',
    `links: {giteeHosts: ["${W.feishu}"]}`,
    'config: links.giteeHosts[0]: must be a host name',
  ],
  [
    'a secret as atAll',
    `${robot('team', signed)}routes: [{robots: [team], atAll: ${S.password}}]`,
    'config: routes[0].atAll: must be true or false',
  ],
  [
    'a signing secret for a WeCom robot',
    robot('ops', `    webhook: ${WECOM_WEBHOOK}\n    secret: ${S.dingtalkSecret}`),
    'robots/ops/secret: WeCom has no signing, so a WeCom robot has no secret',
  ],
  [
    'keywords for a WeCom robot given by its bare key',
    wecom(`    webhook: ${WECOM_KEY}\n    keywords: [Gitee]`),
    'config: robots.ops.keywords: WeCom robots have no custom keywords',
  ],
  [
    'a bare WeCom key without platform: wecom',
    robot('ops', `    webhook: ${WECOM_KEY}`),
    'robots/ops/webhook: must be an http(s) URL (a WeCom robot given by its key alone needs platform: wecom)',
  ],
  [
    'a WeCom key on another host',
    wecom(`    webhook: https://hooks.example.test/cgi-bin/webhook/send?key=${WECOM_KEY}`),
    "robots/ops/webhook: is not on WeCom's host",
  ],
  [
    'a WeCom key pasted as the platform',
    robot('ops', `    webhook: ${WECOM_WEBHOOK}\n    platform: ${WECOM_KEY}`),
    `config: robots.ops.platform: must be one of dingtalk, feishu, wecom (got ${shape(WECOM_KEY)})`,
  ],
  [
    'a WeCom key as a mention id with a space in it',
    `${robot('ops', `    webhook: ${WECOM_WEBHOOK}`)}\nmentions: {bob: {wecom: "${WECOM_KEY} x"}}`,
    `config: mentions.bob.wecom: must be one id without spaces (got a string of ${WECOM_KEY.length + 2} characters)`,
  ],
  [
    'a Feishu hook id in a legacy v1 URL',
    feishu(`https://open.feishu.cn/open-apis/bot/hook/${S.feishuHookId}`),
    'robots/news/webhook: is a legacy v1 Feishu webhook',
  ],
  [
    'a Feishu hook id over http',
    feishu(`http://open.feishu.cn/open-apis/bot/v2/hook/${S.feishuHookId}`),
    'robots/news/webhook: must use https (for a Feishu robot)',
  ],
  [
    'a Feishu webhook with DingTalk-style signing appended',
    feishu(`${W.feishu}?timestamp=1700000000000&sign=${S.dingtalkSecret}`),
    'robots/news/webhook: must not have a query or fragment',
  ],
  [
    'a Feishu webhook that config says is DingTalk',
    feishu(W.feishu, '    platform: dingtalk\n'),
    'config: robots.news.platform: says dingtalk, but robots/news/webhook is a Feishu webhook',
  ],
  [
    'a Feishu hook id as the msgtype',
    feishu(W.feishu, `    msgtype: ${S.feishuHookId}\n`),
    `config: robots.news.msgtype: must be one of interactive, interactive2, post, text for a Feishu robot (got ${shape(S.feishuHookId)})`,
  ],
  [
    "a config over SSM's 4 KB",
    `${robot('team', signed)}filters: {ignoreSenders: [${Array.from({ length: 400 }, (_, i) => `bot-${i}`).join(', ')}]}`,
    'config: ',
  ],
];

/** Parameters stored in SSM that `show` must print masked, and a piece of what it prints. */
const STORED: Array<[string, Record<string, string>, string]> = [
  [
    'a gitee: section that ended up inside config',
    { config: `gitee:\n  secret: ${S.giteeSecret}\n` },
    'gitee: "(masked: not a config key)"',
  ],
  [
    'a Feishu hook id in the webhook path',
    { 'robots/feishu/webhook': W.feishu },
    'webhook: https://open.feishu.cn/<masked>',
  ],
  [
    'a DingTalk access_token in the webhook query',
    { 'robots/team/webhook': W.dingtalk },
    'webhook: https://oapi.dingtalk.com/<masked>',
  ],
  [
    'a password in the webhook URL',
    { 'robots/team/webhook': W.userinfo },
    'webhook: https://hooks.example.test/<masked>',
  ],
  [
    'a webhook that is not a URL',
    { 'robots/team/webhook': S.accessToken },
    'robots/team/webhook: must be an http(s) URL',
  ],
  [
    'a secret under an unknown key in a known section',
    { config: `defaults: {locale: en, webhook: "${W.feishu}"}\n` },
    'webhook: "(masked: not a config key)"',
  ],
  [
    'a secret where a config section needs a mapping',
    { config: `filters: ${S.dingtalkSecret}\n` },
    'filters: "(masked: not a mapping)"',
  ],
  [
    'a secret as a robot option in config',
    {
      'robots/team/webhook': W.dingtalk,
      config: `robots: {team: {secret: ${S.dingtalkSecret}}}\n`,
    },
    'secret: "(masked: not a robot option)"',
  ],
  [
    'a secret as a mention',
    { config: `mentions: {bob: ${S.password}}\n` },
    'bob: "(masked: not a mapping)"',
  ],
  [
    'a config that is not valid YAML',
    { config: `gitee:\n  secret: |${S.giteeSecret}\n` },
    'config: line 2, column ',
  ],
  [
    'a robot secret without its webhook',
    { 'robots/team/secret': S.dingtalkSecret },
    'secret: SEC…(masked)',
  ],
  [
    'a parameter outside the layout',
    { 'robots/team/token': S.accessToken },
    'robots/team/token: unknown parameter',
  ],
  [
    'a WeCom key in the webhook query',
    { 'robots/ops/webhook': WECOM_WEBHOOK },
    'webhook: https://qyapi.weixin.qq.com/<masked>',
  ],
  [
    'a bare WeCom key with platform: wecom',
    { 'robots/ops/webhook': WECOM_KEY, config: 'robots: {ops: {platform: wecom}}\n' },
    'platform of ops: wecom (robots.ops.platform)',
  ],
  [
    'a bare WeCom key without platform: wecom',
    { 'robots/ops/webhook': WECOM_KEY },
    'webhook: "(masked: not a URL)"',
  ],
  [
    'a WeCom key pasted as the platform',
    { 'robots/ops/webhook': WECOM_WEBHOOK, config: `robots: {ops: {platform: ${WECOM_KEY}}}\n` },
    'platform: "(masked: not one of its values)"',
  ],
  [
    'a Feishu hook id as the msgtype in defaults',
    { config: `defaults: {msgtype: ${S.feishuHookId}}\n` },
    'msgtype: "(masked: not one of its values)"',
  ],
  [
    'a WeCom key for a robot that also has a secret',
    { 'robots/ops/webhook': WECOM_WEBHOOK, 'robots/ops/secret': S.dingtalkSecret },
    'robots/ops/secret: WeCom has no signing',
  ],
  [
    'a gitee secret in a rotation',
    { 'gitee/secret': `${S.giteeSecret}\n${S.giteeSecretNext}` },
    '- (masked)\n    - (masked)',
  ],
];

describe('the settings CLI never prints a secret', () => {
  let ssm: FakeSsm;
  let files: Record<string, string>;
  let out: string[];
  let err: string[];

  const run = (...argv: string[]) =>
    runCliAgainstFake(argv, { endpoint: ssm.endpoint, files, out, err, generatedSecret: ROTATED });
  const printed = () => [...out, ...err].join('\n');

  beforeEach(async () => {
    ssm = await startFakeSsm();
    files = { 'settings.yml': SENTINEL_SETTINGS_FILE };
    out = [];
    err = [];
  });

  afterEach(async () => {
    assertNoSecrets([...out, ...err], expect.getState().currentTestName, SECRETS);
    await ssm.close();
  });

  it('in check, push, a second push, a dry run and show of a valid file', async () => {
    expect(await run('check', '--file', 'settings.yml')).toBe(0);
    expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);
    expect(await run('push', '--stage', 'test', '--file', 'settings.yml', '--dry-run')).toBe(0);
    files['settings.yml'] = SENTINEL_SETTINGS_FILE.replace(/ {2}proxied:[^]*$/, '');
    expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(0);
    expect(await run('show', '--stage', 'test')).toBe(0);

    expect(out).toContain(
      '  deleted    robots/proxied/webhook: robot "proxied" is not in the file',
    );
    expect(printed()).toContain('webhook: https://open.feishu.cn/<masked>');
    expect(ssm.get(`${STAGE}/robots/feishu/webhook`)?.value).toBe(W.feishu);
  });

  it('in rotate-gitee-secret and --finish, which print only the new secret', async () => {
    ssm.set(`${STAGE}/gitee/secret`, S.giteeSecret, 'SecureString');

    expect(await run('rotate-gitee-secret', '--stage', 'test')).toBe(0);
    expect(await run('rotate-gitee-secret', '--stage', 'test')).toBe(1);
    expect(await run('rotate-gitee-secret', '--stage', 'test', '--finish')).toBe(0);

    expect(printed().split(ROTATED)).toHaveLength(2);
    expect(ssm.get(`${STAGE}/gitee/secret`)?.value).toBe(ROTATED);
  });

  it.each(BAD_FILES)('when check and push refuse %s', async (_case, text, message) => {
    files['settings.yml'] = text;

    expect(await run('check', '--file', 'settings.yml')).toBe(1);
    expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(1);
    expect(await run('push', '--stage', 'test', '--file', 'settings.yml', '--dry-run')).toBe(1);

    expect(ssm.calls).toEqual([]);
    expect(err).toHaveLength(3);
    for (const line of err) expect(line).toContain(message);
  });

  it.each(STORED)('when show prints %s', async (_case, parameters, expected) => {
    for (const [name, value] of Object.entries(parameters)) {
      ssm.set(`${STAGE}/${name}`, value, name === 'config' ? 'String' : 'SecureString');
    }

    await run('show', '--stage', 'test');

    expect(printed()).toContain(expected);
  });

  it.each(['GetParametersByPath', 'PutParameter', 'DeleteParameters'])(
    'when SSM refuses %s during a push',
    async (op) => {
      await run('push', '--stage', 'test', '--file', 'settings.yml');
      files['settings.yml'] = SENTINEL_SETTINGS_FILE.replace(/ {2}proxied:[^]*$/, '').replace(
        S.dingtalkSecret,
        `${S.dingtalkSecret}0`,
      );
      ssm.failNext(op, 1, 'ValidationException');
      out = [];

      expect(await run('push', '--stage', 'test', '--file', 'settings.yml')).toBe(1);

      expect(err.join('\n')).toContain(`SSM ${op} failed: ValidationException`);
    },
  );

  it.each(['GetParameter', 'PutParameter'])('when SSM refuses %s during a rotation', async (op) => {
    ssm.set(`${STAGE}/gitee/secret`, S.giteeSecret, 'SecureString');
    ssm.failNext(op, 1, 'ValidationException');

    expect(await run('rotate-gitee-secret', '--stage', 'test')).toBe(1);

    expect(err.join('\n')).toContain(`SSM ${op} failed: ValidationException`);
  });

  it('when show cannot read SSM, and in usage errors and help', async () => {
    ssm.failNext('GetParametersByPath', 1, 'AccessDeniedException');
    expect(await run('show', '--stage', 'test')).toBe(1);
    expect(await run('check', '--file', 'missing.yml')).toBe(1);
    expect(await run('push', '--stage', 'test')).toBe(2);
    expect(await run('--help')).toBe(0);

    expect(err[0]).toContain('SSM GetParametersByPath failed: AccessDeniedException');
  });
});
