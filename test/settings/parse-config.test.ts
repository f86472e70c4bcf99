import type { PlatformName } from '../../lib/platforms/infer-platform';
import { DEFAULT_MESSAGE_OPTIONS, parseConfig } from '../../lib/settings/parse-config';

/** Robots with a webhook, each with the platform its webhook implies. */
const ROBOTS = new Map<string, PlatformName>([
  ['backend', 'dingtalk'],
  ['release', 'dingtalk'],
]);

function problemsOf(text: string): string[] {
  const result = parseConfig(text, ROBOTS);
  return result.ok ? [] : result.problems;
}

function configOf(text: string) {
  const result = parseConfig(text, ROBOTS);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

describe('parseConfig', () => {
  it.each([
    [
      'an unknown locale',
      'defaults: {locale: fr}',
      'defaults.locale: must be one of zh-CN, en (got "fr")',
    ],
    [
      'an unknown msgtype',
      'defaults: {msgtype: card}',
      'defaults.msgtype: must be a msgtype of DingTalk (markdown, actionCard, text), Feishu (interactive, interactive2, post, text) or WeCom (markdown, markdown_v2, text, template_card) (got "card")',
    ],
    [
      'an unknown time zone',
      'defaults: {timezone: Mars/Base}',
      'defaults.timezone: must be an IANA time zone such as Asia/Shanghai (got "Mars/Base")',
    ],
    [
      'a UTC offset as time zone',
      'defaults: {timezone: "+08:00"}',
      'defaults.timezone: must be an IANA time zone such as Asia/Shanghai (got "+08:00")',
    ],
    [
      'maxCommits over 20',
      'defaults: {maxCommits: 50}',
      'defaults.maxCommits: must be a whole number from 1 to 20 (got 50)',
    ],
    [
      'maxCommits of 0',
      'defaults: {maxCommits: 0}',
      'defaults.maxCommits: must be a whole number from 1 to 20 (got 0)',
    ],
    [
      'a fractional maxCommits',
      'defaults: {maxCommits: 2.5}',
      'defaults.maxCommits: must be a whole number from 1 to 20 (got 2.5)',
    ],
    [
      'an unknown linkMode',
      'defaults: {linkMode: app}',
      'defaults.linkMode: must be one of dingtalk, browser (got "app")',
    ],
    [
      'an unknown key in defaults',
      'defaults: {colour: red}',
      'defaults.colour: unknown key; expected locale, msgtype, timezone, maxCommits, linkMode',
    ],
    ['defaults that are a list', 'defaults: [en]', 'defaults: must be a mapping (got a list)'],
    [
      'an unknown top-level key',
      'lang: en',
      'lang: unknown key; expected defaults, robots, routes, mentions, filters, giteeAuth, links',
    ],
    [
      'a document that is not a mapping',
      'just text',
      '(top level): must be a mapping (got a string of 9 characters)',
    ],
    [
      'a robot without a webhook',
      'robots: {bakend: {keywords: [Gitee]}}',
      'robots.bakend: no robot "bakend" (no robots/bakend/webhook parameter); known: backend, release',
    ],
    [
      '11 keywords',
      'robots: {backend: {keywords: [a, b, c, d, e, f, g, h, i, j, k]}}',
      'robots.backend.keywords: at most 10 keywords (got 11)',
    ],
    [
      'an empty keyword',
      'robots: {backend: {keywords: [""]}}',
      'robots.backend.keywords[0]: must be a non-empty string (got "")',
    ],
    [
      'keywords as one string',
      'robots: {backend: {keywords: Gitee}}',
      'robots.backend.keywords: must be a list (got "Gitee")',
    ],
    [
      'a typo in a robot key',
      'robots: {backend: {kewords: [Gitee]}}',
      'robots.backend.kewords: unknown key; expected platform, keywords, locale, msgtype, timezone, maxCommits, linkMode',
    ],
    [
      'a robot override of the wrong type',
      'robots: {release: {msgtype: actioncard}}',
      'robots.release.msgtype: must be one of markdown, actionCard, text for a DingTalk robot (got "actioncard"); platform inferred from the webhook',
    ],
    [
      'routes that are a mapping',
      'routes: {backend: [push]}',
      'routes: must be a list (got a mapping)',
    ],
    [
      'a route that is a string',
      'routes: [backend]',
      'routes[0]: must be a mapping (got a string of 7 characters)',
    ],
    [
      'an unknown robot in a route',
      'routes: [{robots: [backend]}, {robots: [release]}, {robots: [bakend]}]',
      'routes[2].robots[0]: no robot "bakend"; known: backend, release',
    ],
    [
      'a route without robots',
      'routes: [{events: [push]}]',
      'routes[0].robots: required (a list of robot names)',
    ],
    [
      'a route with no robots',
      'routes: [{robots: []}]',
      'routes[0].robots: must name at least one robot',
    ],
    [
      'a typo in a route key',
      'routes: [{evnts: [push], robots: [backend]}]',
      'routes[0].evnts: unknown key; expected repos, events, branches, robots, atAll',
    ],
    [
      'an unknown event',
      'routes: [{events: [pushh], robots: [backend]}]',
      'routes[0].events[0]: unknown event "pushh"; known: push, tag_push, issue, pull_request, comment',
    ],
    [
      'an unknown action',
      'routes: [{events: [pull_request.merged], robots: [backend]}]',
      'routes[0].events[0]: unknown action "merged" for pull_request; known: open, update, merge, close, reopen, approved, tested, test, untest, assign, unassign',
    ],
    [
      'an event with two actions',
      'routes: [{events: [issue.open.close], robots: [backend]}]',
      'routes[0].events[0]: unknown action "open.close" for issue; known: open, close, reopen, reject, state_change, assign, unassign, update, delete',
    ],
    [
      'an invalid repository glob',
      'routes: [{repos: ["org/[api"], robots: [backend]}]',
      'routes[0].repos[0]: invalid glob "org/[api" (Missing closing: "]" - use "\\\\]" to match literal characters)',
    ],
    [
      'an invalid branch glob',
      'routes: [{branches: ["release/*("], robots: [backend]}]',
      'routes[0].branches[0]: invalid glob "release/*(" (Missing closing: ")" - use "\\\\)" to match literal characters)',
    ],
    [
      'an empty repos list',
      'routes: [{repos: [], robots: [backend]}]',
      'routes[0].repos: must not be empty (leave it out to match any)',
    ],
    [
      'atAll as yes',
      'routes: [{robots: [backend], atAll: yes}]',
      'routes[0].atAll: must be true or false (got "yes")',
    ],
    [
      'a mobile YAML reads as a number',
      'mentions: {alice: {mobile: 13800000000}}',
      'mentions.alice.mobile: must be a non-empty string (got a number; put it in quotes)',
    ],
    [
      'a mention with no identity',
      'mentions: {bob: {}}',
      'mentions.bob: must have at least one of mobile, userId, feishu, wecom',
    ],
    [
      'a mention under an unknown key',
      'mentions: {bob: {mobile: "13800000000", dingtalk: manager4521}}',
      'mentions.bob.dingtalk: unknown key; expected mobile, userId, feishu, wecom',
    ],
    [
      'a mobile written with spaces',
      'mentions: {bob: {mobile: "138 0000 0000"}}',
      'mentions.bob.mobile: must be one id without spaces (got "138 0000 0000")',
    ],
    [
      'everyone as a Feishu id',
      'mentions: {bob: {feishu: all}}',
      'mentions.bob.feishu: "all" would mention everyone; use atAll on a route for that',
    ],
    [
      'everyone as a WeCom userid',
      'mentions: {bob: {wecom: "@all"}}',
      'mentions.bob.wecom: "@all" would mention everyone; use atAll on a route for that',
    ],
    [
      'an empty Feishu id',
      'mentions: {bob: {userId: manager4521, feishu: ""}}',
      'mentions.bob.feishu: must be a non-empty string (got "")',
    ],
    [
      'an unknown platform',
      'robots: {backend: {platform: lark}}',
      'robots.backend.platform: must be one of dingtalk, feishu, wecom (got "lark")',
    ],
    [
      'a mention that is a string',
      'mentions: {bob: manager4521}',
      'mentions.bob: must be a mapping (got a string of 11 characters)',
    ],
    [
      'an empty userId',
      'mentions: {"a.b": {userId: ""}}',
      'mentions["a.b"].userId: must be a non-empty string (got "")',
    ],
    [
      'ignoreSenders as one string',
      'filters: {ignoreSenders: ci-bot}',
      'filters.ignoreSenders: must be a list (got "ci-bot")',
    ],
    [
      'an invalid regular expression',
      'filters: {skipCommitPattern: "[skip notify"}',
      'filters.skipCommitPattern: invalid regular expression (Unterminated character class)',
    ],
    [
      'an invalid pattern holding a pasted secret',
      'filters: {skipCommitPattern: "(SECtest0123456789abcdef"}',
      'filters.skipCommitPattern: invalid regular expression (Unterminated group)',
    ],
    [
      'a secret pasted as a robot name',
      'robots: {SECtest0123456789abcdef0123: {locale: en}}',
      'robots[(a string of 27 characters)]: no robot (a string of 27 characters); known: backend, release',
    ],
    [
      'a pattern that is a number',
      'filters: {skipCommitPattern: 5}',
      'filters.skipCommitPattern: must be a regular expression as a string (got 5)',
    ],
    [
      'an unknown giteeAuth',
      'giteeAuth: token',
      'giteeAuth: must be one of sign, password, either (got "token")',
    ],
    [
      'a Gitee host given as a URL',
      'links: {giteeHosts: ["https://git.example.com/"]}',
      'links.giteeHosts[0]: must be a host name such as gitee.example.com (got "https://git.example.com/")',
    ],
    [
      'an unknown key under links',
      'links: {hosts: [git.example.com]}',
      'links.hosts: unknown key; expected giteeHosts',
    ],
    [
      'a YAML syntax error',
      'defaults:\n  locale: en\nroutes: [{robots: [backend]}\n',
      'line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'a duplicate key',
      'defaults: {}\ndefaults: {}\n',
      'line 2, column 1: Map keys must be unique',
    ],
  ])('reports %s', (_mistake, text, message) => {
    expect(problemsOf(text)).toEqual([message]);
  });

  it('reports every problem of a file at once, in file order', () => {
    const text = [
      'defaults: {locale: fr, maxCommits: 0}',
      'routes:',
      '  - robots: [bakend]',
      '    events: [pushh]',
    ].join('\n');

    expect(problemsOf(text)).toEqual([
      'defaults.locale: must be one of zh-CN, en (got "fr")',
      'defaults.maxCommits: must be a whole number from 1 to 20 (got 0)',
      'routes[0].events[0]: unknown event "pushh"; known: push, tag_push, issue, pull_request, comment',
      'routes[0].robots[0]: no robot "bakend"; known: backend, release',
    ]);
  });

  it('says "(none)" when no robot has a webhook', () => {
    expect(parseConfig('routes: [{robots: [team]}]', new Map())).toMatchObject({
      ok: false,
      problems: ['routes[0].robots[0]: no robot "team"; known: (none)'],
    });
  });

  it('describes a long value by its length, never quoting a piece of it', () => {
    const [message] = problemsOf(`defaults: {locale: "${'x'.repeat(200)}"}`);
    expect(message).toBe(
      'defaults.locale: must be one of zh-CN, en (got a string of 200 characters)',
    );
  });

  it('returns the defaults for an absent (empty) config', () => {
    expect(configOf('')).toEqual({
      defaults: {
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        maxCommits: 5,
        linkMode: 'dingtalk',
      },
      robots: new Map(),
      routes: undefined,
      mentions: {},
      filters: { ignoreSenders: [], skipCommitPattern: null },
      giteeAuth: 'either',
      links: { giteeHosts: ['gitee.com'] },
    });
    expect(configOf('# only a comment\n')).toEqual(configOf(''));
    expect(DEFAULT_MESSAGE_OPTIONS).toEqual(configOf('').defaults);
  });

  it('reads giteeAuth and the allowed Gitee hosts, keeping gitee.com allowed', () => {
    const config = configOf(
      'giteeAuth: sign\nlinks:\n  giteeHosts: [Git.Example.com, "code.example.cn:8443"]\n',
    );
    expect(config.giteeAuth).toBe('sign');
    expect(config.links.giteeHosts).toEqual([
      'gitee.com',
      'git.example.com',
      'code.example.cn:8443',
    ]);
    expect(configOf('links: {giteeHosts: [git.example.com, gitee.com]}').links.giteeHosts).toEqual([
      'git.example.com',
      'gitee.com',
    ]);
  });

  it('treats an emptied section (`routes:` with nothing under it) as absent', () => {
    expect(configOf('routes:\nmentions:\nfilters:\n').routes).toBeUndefined();
  });

  it('reads the contract example from issue 4', () => {
    const config = configOf(`
defaults: {locale: en, msgtype: actionCard, timezone: Europe/Berlin, maxCommits: 3, linkMode: browser}
robots:
  backend: {keywords: [Gitee], msgtype: markdown, locale: zh-CN}
routes:
  - repos: ["org/api", "org/web-*"]
    events: [push, tag_push, "pull_request.merge", issue]
    branches: ["main", "release/*"]
    robots: [backend]
    atAll: false
  - robots: [release]
    atAll: true
mentions:
  alice: { mobile: "13800000000" }
  bob: { userId: "manager4521" }
filters:
  ignoreSenders: ["ci-bot"]
  skipCommitPattern: "\\\\[skip notify\\\\]"
`);
    expect(config.defaults).toEqual({
      locale: 'en',
      msgtype: 'actionCard',
      timezone: 'Europe/Berlin',
      maxCommits: 3,
      linkMode: 'browser',
    });
    expect(config.robots.get('backend')).toEqual({
      keywords: ['Gitee'],
      msgtype: 'markdown',
      locale: 'zh-CN',
    });
    expect(config.routes).toEqual([
      {
        repos: ['org/api', 'org/web-*'],
        events: ['push', 'tag_push', 'pull_request.merge', 'issue'],
        branches: ['main', 'release/*'],
        robots: ['backend'],
        atAll: false,
      },
      { robots: ['release'], atAll: true },
    ]);
    expect({ ...config.mentions }).toEqual({
      alice: { mobile: '13800000000' },
      bob: { userId: 'manager4521' },
    });
    expect(config.filters.ignoreSenders).toEqual(['ci-bot']);
    expect(config.filters.skipCommitPattern?.test('fix typo [skip notify]')).toBe(true);
  });

  it('accepts JSON, which is valid YAML', () => {
    const config = configOf('{"defaults": {"locale": "en"}, "routes": [{"robots": ["backend"]}]}');
    expect(config.defaults.locale).toBe('en');
    expect(config.routes).toEqual([{ robots: ['backend'], atAll: false }]);
  });

  it('keeps __proto__ and constructor logins as plain keys without touching any prototype', () => {
    const config = configOf('mentions: {__proto__: {userId: u1}, constructor: {mobile: "138"}}');

    expect(Object.getPrototypeOf(config.mentions)).toBeNull();
    expect(Object.hasOwn(config.mentions, '__proto__')).toBe(true);
    expect(config.mentions['__proto__']).toEqual({ userId: 'u1' });
    expect(config.mentions['constructor']).toEqual({ mobile: '138' });
    expect(config.mentions['toString']).toBeUndefined();
    expect(({} as Record<string, unknown>).userId).toBeUndefined();
  });

  it('refuses a __proto__ key where a known key is expected', () => {
    expect(problemsOf('__proto__: {defaults: {locale: en}}')).toEqual([
      '__proto__: unknown key; expected defaults, robots, routes, mentions, filters, giteeAuth, links',
    ]);
  });

  it('refuses a YAML alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(', ')}]`,
      );
    const problems = problemsOf(lines.join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^invalid YAML: .*alias/i);
  });
});

describe('parseConfig on robots of each platform', () => {
  /** team's webhook is DingTalk's, news's Feishu's, ops's WeCom's. */
  const PLATFORMS = new Map<string, PlatformName>([
    ['team', 'dingtalk'],
    ['news', 'feishu'],
    ['ops', 'wecom'],
  ]);
  const problemsOn = (text: string) => {
    const result = parseConfig(text, PLATFORMS);
    return result.ok ? [] : result.problems;
  };
  const eleven = '[a, b, c, d, e, f, g, h, i, j, k]';

  it.each([
    [
      'a DingTalk msgtype for a Feishu robot',
      'robots: {news: {msgtype: markdown}}',
      'robots.news.msgtype: must be one of interactive, interactive2, post, text for a Feishu robot (got "markdown"); platform inferred from the webhook',
    ],
    [
      'a Feishu msgtype for a WeCom robot',
      'robots: {ops: {msgtype: interactive}}',
      'robots.ops.msgtype: must be one of markdown, markdown_v2, text, template_card for a WeCom robot (got "interactive"); platform inferred from the webhook',
    ],
    [
      'a DingTalk msgtype for a robot that platform makes WeCom',
      'robots: {team: {platform: wecom, msgtype: actionCard}}',
      'robots.team.msgtype: must be one of markdown, markdown_v2, text, template_card for a WeCom robot (got "actionCard")',
    ],
    [
      'keywords for a WeCom robot',
      'robots: {ops: {keywords: [Gitee]}}',
      'robots.ops.keywords: WeCom robots have no custom keywords; remove them; platform inferred from the webhook',
    ],
    [
      'keywords for a robot that platform makes WeCom',
      'robots: {team: {platform: wecom, keywords: [Gitee]}}',
      'robots.team.keywords: WeCom robots have no custom keywords; remove them',
    ],
    [
      '11 keywords for a Feishu robot',
      `robots: {news: {keywords: ${eleven}}}`,
      'robots.news.keywords: at most 10 keywords (got 11)',
    ],
    [
      'a linkMode for a Feishu robot',
      'robots: {news: {linkMode: browser}}',
      'robots.news.linkMode: only DingTalk robots have a linkMode; this is a Feishu robot; platform inferred from the webhook',
    ],
    [
      'a linkMode for a robot that platform makes WeCom',
      'robots: {team: {platform: wecom, linkMode: dingtalk}}',
      'robots.team.linkMode: only DingTalk robots have a linkMode; this is a WeCom robot',
    ],
  ])('reports %s by path', (_mistake, text, message) => {
    expect(problemsOn(text)).toEqual([message]);
  });

  it('takes any platform msgtype in defaults, and DingTalk-only options there, for any robots', () => {
    for (const msgtype of ['actionCard', 'interactive2', 'markdown_v2', 'template_card', 'post']) {
      expect(problemsOn(`defaults: {msgtype: ${msgtype}, linkMode: browser}`)).toEqual([]);
    }
  });

  it('keeps what config says of each robot, its platform included only where config names it', () => {
    const result = parseConfig(
      [
        'robots:',
        '  team: {platform: dingtalk, msgtype: actionCard, linkMode: browser, keywords: [Gitee]}',
        '  news: {msgtype: interactive2, keywords: [Gitee, 代码]}',
        '  ops: {platform: wecom, msgtype: template_card, locale: en}',
      ].join('\n'),
      PLATFORMS,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(Object.fromEntries(result.config.robots)).toEqual({
      team: {
        platform: 'dingtalk',
        msgtype: 'actionCard',
        linkMode: 'browser',
        keywords: ['Gitee'],
      },
      news: { msgtype: 'interactive2', keywords: ['Gitee', '代码'] },
      ops: { platform: 'wecom', msgtype: 'template_card', locale: 'en', keywords: [] },
    });
  });

  it('checks a robot with no webhook only by the rules every platform shares', () => {
    expect(problemsOn('robots: {alerts: {msgtype: interactive, keywords: [Gitee]}}')).toEqual([
      'robots.alerts: no robot "alerts" (no robots/alerts/webhook parameter); known: team, news, ops',
    ]);
    expect(problemsOn('robots: {alerts: {msgtype: card}}')).toContainEqual(
      expect.stringMatching(/^robots\.alerts\.msgtype: must be a msgtype of DingTalk/),
    );
  });

  it('keeps every identity of a login, for each platform to take its own', () => {
    const result = parseConfig(
      [
        'mentions:',
        '  alice: {mobile: "13800000000", userId: manager4521, feishu: ou_7d8a6e6df7621556ce0d21922b676706, wecom: zhangsan}',
        '  bob: {feishu: " 5d9bdxxx "}',
        '  carol: {wecom: LiSi}',
      ].join('\n'),
      PLATFORMS,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect({ ...result.config.mentions }).toEqual({
      alice: {
        mobile: '13800000000',
        userId: 'manager4521',
        feishu: 'ou_7d8a6e6df7621556ce0d21922b676706',
        wecom: 'zhangsan',
      },
      bob: { feishu: '5d9bdxxx' },
      carol: { wecom: 'LiSi' },
    });
  });
});
