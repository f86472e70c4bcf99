import { inspect } from 'node:util';
import { SettingsError } from '../../lib/errors';
import { buildSettings } from '../../lib/settings/build-settings';

const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=test-token-backend';

function errorOf(parameters: Record<string, string>): SettingsError {
  try {
    buildSettings(new Map(Object.entries(parameters)));
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('buildSettings', () => {
  it('builds robots with the defaults, their overrides, webhook and secret as Secrets', () => {
    const settings = buildSettings(
      new Map([
        ['gitee/secret', 'gitee-test-secret-old\n  gitee-test-secret-new  \n\n'],
        ['robots/release/webhook', 'http://127.0.0.1:9999/robot/send?access_token=t2'],
        ['robots/backend/webhook', `${WEBHOOK}\n`],
        ['robots/backend/secret', 'SECtest-backend-0001'],
        ['config', 'defaults: {locale: en}\nrobots: {backend: {keywords: [Gitee], msgtype: text}}'],
      ]),
    );

    expect(settings.giteeSecrets.map((secret) => secret.reveal())).toEqual([
      'gitee-test-secret-old',
      'gitee-test-secret-new',
    ]);
    const [backend, release] = settings.robots;
    expect(backend).toMatchObject({
      name: 'backend',
      locale: 'en',
      msgtype: 'text',
      timezone: 'Asia/Shanghai',
      maxCommits: 5,
      linkMode: 'dingtalk',
      keywords: ['Gitee'],
    });
    expect(backend?.webhook.reveal()).toBe(WEBHOOK);
    expect(backend?.secret?.reveal()).toBe('SECtest-backend-0001');
    expect(release).toMatchObject({
      name: 'release',
      locale: 'en',
      msgtype: 'markdown',
      keywords: [],
      secret: null,
    });
    expect(settings.routes).toBeUndefined();
  });

  it('orders robots as config lists them, then the others by name', () => {
    const settings = buildSettings(
      new Map([
        ['robots/alpha/webhook', WEBHOOK],
        ['robots/team/webhook', WEBHOOK],
        ['robots/ops/webhook', WEBHOOK],
        ['robots/beta/webhook', WEBHOOK],
        ['config', 'robots: {team: {keywords: [Gitee]}, ops: {keywords: [代码]}}'],
      ]),
    );
    expect(settings.robots.map((robot) => robot.name)).toEqual(['team', 'ops', 'alpha', 'beta']);
  });

  it('never prints a secret when the settings are logged', () => {
    const settings = buildSettings(
      new Map([
        ['gitee/secret', 'gitee-test-secret-0001'],
        ['robots/backend/webhook', WEBHOOK],
        ['robots/backend/secret', 'SECtest-backend-0001'],
      ]),
    );
    const printed = inspect(settings, { depth: 10 }) + JSON.stringify(settings);
    expect(printed).not.toMatch(/gitee-test-secret|SECtest|test-token-backend/);
  });

  it('accepts no parameters at all: no gitee secret (every delivery refused) and no robots', () => {
    const settings = buildSettings(new Map());
    expect(settings).toMatchObject({ giteeSecrets: [], robots: [], routes: undefined });
  });

  it('names a webhook that is not an http(s) URL without echoing it', () => {
    const error = errorOf({
      'robots/backend/webhook': 'ftp://oapi.dingtalk.com/robot/send?access_token=test-token-secret',
    });
    expect(error.message).toBe(
      'invalid settings (1 problem):\n  robots/backend/webhook: must be an http(s) URL',
    );
    expect(
      errorOf({ 'robots/backend/webhook': 'oapi.dingtalk.com/robot?access_token=x' }).message,
    ).toContain('robots/backend/webhook: must be an http(s) URL');
  });

  it.each([
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['decimal IPv4', 'http://2852039166/robot/send?access_token=test-token-secret'],
    ['hex IPv4', 'http://0xa9fea9fe/'],
    ['octal IPv4', 'http://0251.0376.0251.0376/'],
    ['IPv4-mapped IPv6', 'http://[::ffff:169.254.169.254]/'],
    ['IPv4-mapped IPv6 in hex', 'https://[::ffff:a9fe:a9fe]/'],
    ['IPv6 link-local', 'http://[fe80::1]:8080/'],
    ['GCP metadata', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['a host named metadata', 'http://Metadata.:8080/'],
    ['0.0.0.0', 'http://0.0.0.0:3000/robot/send'],
    ['IPv6 unspecified', 'http://[::]:3000/robot/send'],
  ])('refuses a webhook on %s, naming the parameter without echoing it', (_name, webhook) => {
    const error = errorOf({ 'robots/backend/webhook': webhook, 'robots/ops/webhook': WEBHOOK });
    expect(error.message).toBe(
      'invalid settings (1 problem):\n  robots/backend/webhook: must not point at a link-local or cloud metadata address (169.254.0.0/16, fe80::/10, metadata.*, 0.0.0.0, ::)',
    );
    expect(error.message).not.toContain(new URL(webhook).host);
    expect(error.message).not.toContain('test-token-secret');
  });

  it.each([
    'http://127.0.0.1:3000/robot/send?access_token=t',
    'http://localhost:3000/robot/send?access_token=t',
    'http://[::1]:3000/robot/send?access_token=t',
  ])('keeps loopback webhooks for emulators: %s', (webhook) => {
    const settings = buildSettings(new Map([['robots/local/webhook', webhook]]));
    expect(settings.robots[0]?.webhook.reveal()).toBe(webhook);
  });

  it('lists every problem by parameter name, prefixing config paths with "config: "', () => {
    const error = errorOf({
      'robots/backend/webhook': WEBHOOK,
      'robots/release/webhook': WEBHOOK,
      'robots/ops/secret': 'SECtest-ops-0001',
      'robots/bad.name/webhook': WEBHOOK,
      'gitee/secrets': 'gitee-test-secret-0001',
      'robots/backend/signing': 'SECtest-backend-0001',
      config: 'routes:\n  - robots: [backend]\n  - robots: [release]\n  - robots: [bakend]\n',
    });

    expect(error.message.split('\n')).toEqual([
      'invalid settings (5 problems):',
      '  robots/bad.name/webhook: robot names may only use letters, digits, _ and -',
      '  gitee/secrets: unknown parameter; expected gitee/secret, config, robots/<name>/webhook, robots/<name>/secret',
      '  robots/backend/signing: unknown parameter; expected gitee/secret, config, robots/<name>/webhook, robots/<name>/secret',
      '  robots/ops/secret: robot "ops" has no robots/ops/webhook parameter',
      '  config: routes[2].robots[0]: no robot "bakend"; known: backend, release',
    ]);
    expect(error.message).not.toMatch(/SECtest|gitee-test-secret|access_token/);
    expect(error.status).toBe(500);
  });

  it('refuses a blank robot secret instead of silently not signing', () => {
    expect(
      errorOf({ 'robots/backend/webhook': WEBHOOK, 'robots/backend/secret': '  ' }).message,
    ).toContain('robots/backend/secret: must not be empty (delete it to stop signing)');
  });

  it('keeps DingTalk webhooks exactly as stored (trimmed), with no platform in config', () => {
    const settings = buildSettings(new Map([['robots/backend/webhook', `  ${WEBHOOK}\n`]]));
    expect(settings.robots[0]).toMatchObject({ platform: 'dingtalk', msgtype: 'markdown' });
    expect(settings.robots[0]?.webhook.reveal()).toBe(WEBHOOK);
  });

  it('reports config YAML syntax errors with line and column', () => {
    expect(errorOf({ config: 'defaults:\n  locale: [en\n' }).message).toContain(
      'config: line 3, column 1: ',
    );
  });
});

describe('buildSettings with robots of each platform', () => {
  const FEISHU =
    'https://open.feishu.cn/open-apis/bot/v2/hook/f3e8a1d6-7e57-4b9c-8e2f-hooktest0001';
  const WECOM_KEY = '693a91f6-7fff-4bc4-97a0-0ec2keytest0';
  const WECOM = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`;
  /** What no message may hold: the tokens, keys and secrets of these robots. */
  const CREDENTIALS = /test-token|hooktest|keytest|SECtest|feishu-test-secret/;

  const build = (parameters: Record<string, string>) =>
    buildSettings(new Map(Object.entries(parameters)));
  const problemsOf = (parameters: Record<string, string>) => {
    const { message } = errorOf(parameters);
    expect(message).not.toMatch(CREDENTIALS);
    return message.split('\n').slice(1);
  };

  it("infers each robot's platform from its webhook and gives each its platform's defaults", () => {
    const settings = build({
      'robots/team/webhook': WEBHOOK,
      'robots/news/webhook': FEISHU,
      'robots/news/secret': 'feishu-test-secret-0001',
      'robots/ops/webhook': WECOM,
    });
    const byName = new Map(settings.robots.map((robot) => [robot.name, robot]));
    expect(byName.get('team')).toMatchObject({ platform: 'dingtalk', msgtype: 'markdown' });
    expect(byName.get('news')).toMatchObject({ platform: 'feishu', msgtype: 'interactive' });
    expect(byName.get('news')?.secret?.reveal()).toBe('feishu-test-secret-0001');
    expect(byName.get('ops')).toMatchObject({
      platform: 'wecom',
      msgtype: 'markdown',
      secret: null,
    });
    expect(byName.get('ops')?.webhook.reveal()).toBe(WECOM);
  });

  it.each([
    ['actionCard', { team: 'actionCard', news: 'interactive', ops: 'markdown' }],
    ['text', { team: 'text', news: 'text', ops: 'text' }],
    ['markdown_v2', { team: 'markdown', news: 'interactive', ops: 'markdown_v2' }],
    ['interactive2', { team: 'markdown', news: 'interactive2', ops: 'markdown' }],
  ])('applies defaults.msgtype %s only to robots whose platform has it', (msgtype, expected) => {
    const settings = build({
      'robots/team/webhook': WEBHOOK,
      'robots/news/webhook': FEISHU,
      'robots/ops/webhook': WECOM,
      config: `defaults: {msgtype: ${msgtype}}`,
    });
    expect(Object.fromEntries(settings.robots.map((robot) => [robot.name, robot.msgtype]))).toEqual(
      expected,
    );
  });

  it("lets a robot's own msgtype win over defaults, and applies defaults.linkMode to DingTalk only", () => {
    const settings = build({
      'robots/team/webhook': WEBHOOK,
      'robots/news/webhook': FEISHU,
      config: 'defaults: {msgtype: text, linkMode: browser}\nrobots: {news: {msgtype: post}}',
    });
    expect(
      settings.robots.map(({ name, msgtype, linkMode }) => ({ name, msgtype, linkMode })),
    ).toEqual([
      { name: 'news', msgtype: 'post', linkMode: 'dingtalk' },
      { name: 'team', msgtype: 'text', linkMode: 'browser' },
    ]);
  });

  it('takes a bare WeCom key when config says platform: wecom, storing the full URL', () => {
    const settings = build({
      'robots/ops/webhook': ` ${WECOM_KEY}\n`,
      config: 'robots: {ops: {platform: wecom, msgtype: text}}',
    });
    expect(settings.robots[0]).toMatchObject({ platform: 'wecom', msgtype: 'text' });
    expect(settings.robots[0]?.webhook.reveal()).toBe(WECOM);
  });

  it('says a bare WeCom key needs platform: wecom, without quoting it', () => {
    expect(problemsOf({ 'robots/ops/webhook': WECOM_KEY })).toEqual([
      '  robots/ops/webhook: must be an http(s) URL (a WeCom robot given by its key alone needs platform: wecom)',
    ]);
  });

  it('refuses a secret for a WeCom robot, inferred or declared', () => {
    expect(
      problemsOf({ 'robots/ops/webhook': WECOM, 'robots/ops/secret': 'SECtest-ops-0001' }),
    ).toEqual([
      '  robots/ops/secret: WeCom has no signing, so a WeCom robot has no secret; delete this parameter',
    ]);
    expect(
      problemsOf({
        'robots/ops/webhook': WECOM_KEY,
        'robots/ops/secret': 'SECtest-ops-0001',
        config: 'robots: {ops: {platform: wecom}}',
      }),
    ).toEqual([
      '  robots/ops/secret: WeCom has no signing, so a WeCom robot has no secret; delete this parameter',
    ]);
  });

  it.each([
    [
      'a legacy v1 Feishu webhook',
      'https://open.feishu.cn/open-apis/bot/hook/0123456789abcdef0123hooktest0001',
      'robots/news/webhook: is a legacy v1 Feishu webhook (/open-apis/bot/hook/…), retired in 2020',
    ],
    [
      'a Feishu flow webhook',
      'https://open.feishu.cn/flow/api/trigger-webhook/hooktest0001',
      'robots/news/webhook: is a Feishu flow (workflow) webhook, a different product',
    ],
    [
      'a Feishu webhook with a query',
      `${FEISHU}?timestamp=1&sign=hooktest`,
      'robots/news/webhook: must not have a query or fragment: Feishu takes the signature in the message body',
    ],
  ])('refuses %s, saying why and never quoting it', (_case, webhook, message) => {
    const [problem] = problemsOf({ 'robots/news/webhook': webhook });
    expect(problem).toContain(message);
  });

  it('refuses a webhook that is not of the platform config names, saying which rule it breaks', () => {
    expect(
      problemsOf({
        'robots/news/webhook': WEBHOOK,
        'robots/ops/webhook': 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=keytest1',
        'robots/team/webhook': FEISHU,
        config: [
          'robots:',
          '  news: {platform: feishu}',
          '  ops: {platform: wecom}',
          '  team: {platform: dingtalk}',
        ].join('\n'),
      }),
    ).toEqual([
      '  robots/news/webhook: is not on a Feishu host: a Feishu bot webhook is on open.feishu.cn or open.larksuite.com',
      '  robots/ops/webhook: must use https (for a WeCom robot)',
      '  config: robots.team.platform: says dingtalk, but robots/team/webhook is a Feishu webhook',
    ]);
  });

  it('lists platform problems of webhooks and config together, as a 500 settings error', () => {
    const error = errorOf({
      'robots/news/webhook': FEISHU,
      'robots/ops/webhook': WECOM,
      'robots/ops/secret': 'SECtest-ops-0001',
      'robots/team/webhook': WEBHOOK,
      config: 'robots:\n  news: {msgtype: markdown}\n  ops: {keywords: [Gitee]}\n',
    });
    expect(error.status).toBe(500);
    expect(error.message.split('\n')).toEqual([
      'invalid settings (3 problems):',
      '  robots/ops/secret: WeCom has no signing, so a WeCom robot has no secret; delete this parameter',
      '  config: robots.news.msgtype: must be one of interactive, interactive2, post, text for a Feishu robot (got "markdown"); platform inferred from the webhook',
      '  config: robots.ops.keywords: WeCom robots have no custom keywords; remove them; platform inferred from the webhook',
    ]);
  });

  it('judges a webhook by the platform config names even when other config is wrong', () => {
    expect(
      problemsOf({
        'robots/ops/webhook': WECOM_KEY,
        config: 'robots: {ops: {platform: wecom}}\ndefaults: {locale: fr}',
      }),
    ).toEqual(['  config: defaults.locale: must be one of zh-CN, en (got "fr")']);
  });

  it('takes the emulators of each platform on this machine, by path', () => {
    const settings = build({
      'robots/team/webhook': 'http://127.0.0.1:3000/robot/send?access_token=t',
      'robots/news/webhook': 'http://127.0.0.1:3000/open-apis/bot/v2/hook/local-news',
      'robots/ops/webhook': 'http://localhost:3000/cgi-bin/webhook/send?key=local-ops',
    });
    expect(settings.robots.map(({ name, platform }) => [name, platform])).toEqual([
      ['news', 'feishu'],
      ['ops', 'wecom'],
      ['team', 'dingtalk'],
    ]);
  });
});
