import { SettingsError } from '../../lib/errors';
import { buildSettings } from '../../lib/settings/build-settings';
import { settingsFileToParameters } from '../../lib/settings/settings-file';

const FILE = `
gitee:
  secrets: ["gitee-test-secret-old", "gitee-test-secret-new"]
robots:
  backend:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=test-token-backend
    secret: SECtest-backend-0001
    keywords: [Gitee]
    msgtype: actionCard
  release:
    webhook: https://oapi.dingtalk.com/robot/send?access_token=test-token-release
defaults:
  locale: en
  timezone: Asia/Shanghai
routes:
  - repos: ["org/api", "org/web-*"]
    events: [push, "pull_request.merge"]
    branches: [main, "release/*"]
    robots: [backend]
  - events: [tag_push]
    robots: [release]
    atAll: true
mentions:
  alice: { mobile: "13800000000" }
filters:
  ignoreSenders: [ci-bot]
  skipCommitPattern: "\\\\[skip notify\\\\]"
`;

function fileErrorOf(text: string): string {
  try {
    settingsFileToParameters(text);
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('settingsFileToParameters', () => {
  it('splits secrets into their parameters and the rest into the config YAML', () => {
    const parameters = settingsFileToParameters(FILE);

    expect([...parameters.keys()].sort()).toEqual([
      'config',
      'gitee/secret',
      'robots/backend/secret',
      'robots/backend/webhook',
      'robots/release/webhook',
    ]);
    expect(parameters.get('gitee/secret')).toBe('gitee-test-secret-old\ngitee-test-secret-new');
    expect(parameters.get('robots/backend/secret')).toBe('SECtest-backend-0001');
    const config = parameters.get('config') ?? '';
    expect(config).not.toMatch(/gitee-test-secret|SECtest|access_token|webhook/);
    expect(config).toContain('robots:\n  backend:\n    keywords:');
    expect(config).not.toContain('release:\n');
  });

  it('round-trips through buildSettings into the same Settings the Lambda would build', () => {
    const settings = buildSettings(settingsFileToParameters(FILE));

    expect(settings.giteeSecrets.map((s) => s.reveal())).toEqual([
      'gitee-test-secret-old',
      'gitee-test-secret-new',
    ]);
    expect(
      settings.robots.map((r) => [
        r.name,
        r.msgtype,
        r.locale,
        r.keywords,
        r.secret?.reveal() ?? null,
      ]),
    ).toEqual([
      ['backend', 'actionCard', 'en', ['Gitee'], 'SECtest-backend-0001'],
      ['release', 'markdown', 'en', [], null],
    ]);
    expect(settings.routes).toEqual([
      {
        repos: ['org/api', 'org/web-*'],
        events: ['push', 'pull_request.merge'],
        branches: ['main', 'release/*'],
        robots: ['backend'],
        atAll: false,
      },
      { events: ['tag_push'], robots: ['release'], atAll: true },
    ]);
    expect({ ...settings.mentions }).toEqual({ alice: { mobile: '13800000000' } });
    expect(settings.filters.skipCommitPattern?.source).toBe('\\[skip notify\\]');
  });

  it('accepts a single gitee.secret and a file with only secrets (no config parameter)', () => {
    const parameters = settingsFileToParameters(
      'gitee: {secret: gitee-test-secret-1}\nrobots: {team: {webhook: "http://127.0.0.1:8080/robot/send?access_token=t"}}',
    );
    expect([...parameters.keys()]).toEqual(['gitee/secret', 'robots/team/webhook']);
  });

  it('leaves gitee/secret out when the file has no gitee section', () => {
    expect(settingsFileToParameters('defaults: {locale: en}').has('gitee/secret')).toBe(false);
  });

  it('names structural mistakes by path and never echoes a secret', () => {
    const message = fileErrorOf(`
gitee: {secret: gitee-test-secret-1, secrets: [gitee-test-secret-2]}
robots:
  team: {secret: SECtest-team-0001}
  ops: {webhook: 12345}
  "bad name": {webhook: "https://example.test/?access_token=test-token-bad"}
  qa: {webhook: "https://example.test/?access_token=test-token-qa", secret: ""}
robot: {}
`);
    expect(message.split('\n')).toEqual([
      'invalid settings file (6 problems):',
      '  robot: unknown key; expected gitee, defaults, robots, routes, mentions, filters, giteeAuth, links',
      '  gitee: must have exactly one of secret, secrets',
      '  robots.team.webhook: required',
      '  robots.ops.webhook: must be a non-empty string (got a number; put it in quotes)',
      '  robots["bad name"]: robot names may only use letters, digits, _ and -',
      '  robots.qa.secret: must be a non-empty string (got an empty string)',
    ]);
    expect(message).not.toMatch(/gitee-test-secret|SECtest|test-token/);
  });

  it('refuses an empty secrets list and a multi-line secret', () => {
    expect(fileErrorOf('gitee: {secrets: []}')).toContain(
      'gitee.secrets: must be a list of one or more secrets (got a list)',
    );
    expect(fileErrorOf('gitee: {secret: "gitee-test-a\\ngitee-test-b"}')).toContain(
      'gitee.secret: must be a single line',
    );
  });

  it('reports YAML syntax errors by line and column without quoting the file', () => {
    const message = fileErrorOf('gitee:\n  secret: "gitee-test-secret-unclosed\n');
    expect(message).toMatch(/^invalid settings file \(\d problems?\):\n {2}line \d+, column \d+: /);
    expect(message).not.toContain('gitee-test-secret');
  });

  it('refuses a secret that YAML reads as a tag or an anchor instead of keeping what is left', () => {
    expect(fileErrorOf('gitee: {secret: !gitee-test-a rest}')).toBe(
      'invalid settings file (1 problem):\n  line 1, column 17: an unknown tag (!name); quote a value that starts with !',
    );
    expect(fileErrorOf('gitee:\n  secret: &gitee-test-a\n')).toBe(
      'invalid settings file (1 problem):\n  gitee.secret: empty (quote a value that starts with &, # or another YAML indicator)',
    );
  });

  it('describes a scalar where gitee or a robot needs a mapping by its length only', () => {
    expect(
      fileErrorOf('gitee: gitee-test-secret-scalar\nrobots: {team: SECtest-team-0001}').split('\n'),
    ).toEqual([
      'invalid settings file (3 problems):',
      '  gitee: must be a mapping (got a string of 24 characters)',
      '  robots.team: must be a mapping (got a string of 17 characters)',
      '  robots.team.webhook: required',
    ]);
  });

  it.each([
    ['an alias', 'gitee:\n  secret: *gitee-test-alias\n', 'line 2, column 11: an alias (*name)'],
    ['a block scalar header', 'gitee:\n  secret: |gitee-test-block\n', 'line 2, column 12: '],
    ['a YAML version', '%YAML gitee-test-version\n---\ngitee: {secret: a}\n', 'line 1, column '],
    ['a flow item', 'gitee: {secret: a, gitee-test-flow]\n', 'line 1, column '],
  ])('keeps only the position and the kind of a YAML error quoting %s', (_case, text, start) => {
    const message = fileErrorOf(text);
    expect(message).toContain(`\n  ${start}`);
    expect(message).not.toContain('gitee-test');
  });

  it('passes a typo in a robot option through to config validation, which names it', () => {
    const parameters = settingsFileToParameters(
      'robots: {team: {webhook: "https://example.test/?access_token=t", kewords: [Gitee]}}',
    );
    expect(() => buildSettings(parameters)).toThrow(
      'config: robots.team.kewords: unknown key; expected platform, keywords, locale, msgtype, timezone, maxCommits, linkMode',
    );
  });

  describe('webhooks of each platform', () => {
    const KEY = '693a91f6-7fff-4bc4-97a0-0ec2keytest0';
    const fileWith = (robot: string) => `robots:\n  ops:\n${robot}`;

    it('stores a bare WeCom key as the full URL, so SSM means the same without config', () => {
      const parameters = settingsFileToParameters(
        fileWith(`    platform: wecom\n    webhook: "${KEY}"\n    msgtype: text\n`),
      );
      const full = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;
      expect(parameters.get('robots/ops/webhook')).toBe(full);
      // The webhook alone now says WeCom: a push stopped before config is written stays valid.
      const before = buildSettings(new Map([['robots/ops/webhook', full]]));
      expect(before.robots[0]).toMatchObject({ platform: 'wecom', msgtype: 'markdown' });
      expect(buildSettings(parameters).robots[0]).toMatchObject({
        platform: 'wecom',
        msgtype: 'text',
      });
    });

    it('keeps a webhook its platform refuses as written, for validation to say why', () => {
      const parameters = settingsFileToParameters(fileWith(`    webhook: "${KEY}"\n`));
      expect(parameters.get('robots/ops/webhook')).toBe(KEY);
      expect(() => buildSettings(parameters)).toThrow(
        'robots/ops/webhook: must be an http(s) URL (a WeCom robot given by its key alone needs platform: wecom)',
      );
    });

    it('keeps a DingTalk webhook exactly as written', () => {
      const webhook = 'https://oapi.dingtalk.com/robot/send?access_token=test-token-a&x=%41';
      const parameters = settingsFileToParameters(fileWith(`    webhook: "${webhook}"\n`));
      expect(parameters.get('robots/ops/webhook')).toBe(webhook);
    });
  });
});
