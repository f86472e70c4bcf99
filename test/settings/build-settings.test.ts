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

  it('reports config YAML syntax errors with line and column', () => {
    expect(errorOf({ config: 'defaults:\n  locale: [en\n' }).message).toContain(
      'config: line 3, column 1: ',
    );
  });
});
