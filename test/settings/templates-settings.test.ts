import { SettingsError } from '../../lib/errors';
import { PLATFORM_CATALOG } from '../../lib/platforms/catalog';
import { PLATFORM_NAMES } from '../../lib/platforms/infer-platform';
import { buildSettings } from '../../lib/settings/build-settings';
import { loadSettings } from '../../lib/settings/load-settings';
import { parameterTypeOf } from '../../lib/settings/parameters';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import {
  decodeTemplateValue,
  encodeTemplateValue,
  parseTemplateParameterName,
} from '../../lib/settings/template-parameters';
import { TEMPLATE_MSGTYPES } from '../../lib/settings/template-rules';
import type { TemplateProblem } from '../../lib/templates/validate';
import { TEMPLATED_PLATFORMS } from '../../lib/templates/templated-platforms';

const DINGTALK = (token: string) =>
  `https://oapi.dingtalk.com/robot/send?access_token=tokentest-${token}`;

/** A settings file with templates on a robot and in defaults, as an operator writes one. */
const FILE = `
robots:
  release:
    webhook: ${DINGTALK('release')}
    keywords: [发布]
    templates:
      tag_push:
        title: "Release {{ tag }}"
        text: |
          **Release {{ tag }}** by {{ actor.name }}
          [{{ repository.full_name }}]({{ repository.url | url }})
      pull_request.merge:
        text: |
          Merged !{{ pull_request.number }}
  team:
    webhook: ${DINGTALK('team')}
    keywords: [Gitee]
  plain:
    webhook: ${DINGTALK('plain')}
    msgtype: text
defaults:
  locale: en
  templates:
    default:
      text: |
        {{ summary }}
`;

const load = (text: string) => loadSettings(settingsFileToParameters(text));
const robot = (settings: Awaited<ReturnType<typeof load>>, name: string) =>
  settings.robots.find((candidate) => candidate.name === name)!;

function problemsOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('template parameters (issue 12, "Where they are stored")', () => {
  it('writes each title and text as its own String parameter, outside config', () => {
    const parameters = settingsFileToParameters(FILE);

    expect([...parameters.keys()].filter((name) => name.startsWith('templates/'))).toEqual([
      'templates/release/tag_push/title',
      'templates/release/tag_push/text',
      'templates/release/pull_request.merge/text',
      'templates/defaults/default/text',
    ]);
    expect(parameterTypeOf('templates/release/tag_push/text')).toBe('String');
    expect(parameters.get('config')).not.toMatch(/templates|actor\.name|summary/);
    expect(parameters.get('config')).toMatch(/locale: en/);
  });

  it('stores a template with no "{{ … }}", which SSM refuses in a value, and reads it back exactly', () => {
    const parameters = settingsFileToParameters(FILE);
    const stored = parameters.get('templates/release/tag_push/text')!;

    expect(stored).not.toMatch(/\{\{/);
    expect(stored).not.toMatch(/\}\}/);
    expect(robot(buildSettings(parameters), 'release').templates?.tag_push).toEqual({
      title: 'Release {{ tag }}',
      text: '**Release {{ tag }}** by {{ actor.name }}\n[{{ repository.full_name }}]({{ repository.url | url }})\n',
    });
  });

  it.each([
    ['braces and backslashes', 'a \\{ b } {{ c }} \\\\ {%raw%}\\'],
    ['escapes already written out', '\\\\{\\{ x \\}\\}'],
    ['nothing to escape', '**plain** text'],
  ])('round-trips %s through the stored form', (_, text) => {
    expect(decodeTemplateValue(encodeTemplateValue(text))).toBe(text);
    expect(encodeTemplateValue(text)).not.toMatch(/(^|[^\\])\{\{/);
  });

  it('reads a value written by hand without braces as it is', () => {
    expect(decodeTemplateValue('Released: see the tag')).toBe('Released: see the tag');
    expect(decodeTemplateValue('C:\\path')).toBe('C:\\path');
  });

  it('names parameters templates/<robot | defaults>/<event or event.action>/<title | text>', () => {
    expect(parseTemplateParameterName('templates/release/pull_request.merge/title')).toEqual({
      owner: 'release',
      key: 'pull_request.merge',
      part: 'title',
    });
    expect(parseTemplateParameterName('templates/release/push/body')).toBeNull();
    expect(parseTemplateParameterName('templates/release/push')).toBeNull();
  });
});

describe('templates in settings', () => {
  it("gives a robot its own templates, and every other robot whose msgtype takes one the defaults'", async () => {
    const settings = await load(FILE);

    expect(Object.keys(robot(settings, 'release').templates ?? {})).toEqual([
      'tag_push',
      'pull_request.merge',
    ]);
    expect(robot(settings, 'team').templates).toEqual({ default: { text: '{{ summary }}\n' } });
    // A text robot takes no template, so the defaults do not reach it (no error).
    expect(robot(settings, 'plain').templates).toBeUndefined();
    expect(settings.templateProblems).toEqual([]);
  });

  it('gives a stage without templates built-in messages and nothing to validate', async () => {
    const settings = await load(`robots: { team: { webhook: "${DINGTALK('team')}" } }`);

    expect(settings.robots[0]!.templates).toBeUndefined();
    expect(settings.templates).toBeUndefined();
    expect(settings.templateProblems).toBeUndefined();
  });

  it('refuses a robot template on a text, Feishu post or WeCom template_card robot, naming the path', () => {
    const text = `
robots:
  plain:
    webhook: ${DINGTALK('plain')}
    msgtype: text
    templates: { push: { text: "x" } }
  news:
    webhook: https://open.feishu.cn/open-apis/bot/v2/hook/hooktest-0a1b2c3d
    msgtype: post
    templates: { push: { text: "x" } }
  ops:
    webhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=keytest-0a1b2c3d
    msgtype: template_card
    templates: { push: { text: "x" } }
`;
    expect(problemsOf(() => buildSettings(settingsFileToParameters(text)))).toBe(
      [
        'invalid settings (3 problems):',
        '  robots.plain.templates: a DingTalk robot with msgtype text takes no template; markdown and actionCard do (remove its templates or change its msgtype)',
        '  robots.news.templates: a Feishu robot with msgtype post takes no template; interactive and interactive2 do (remove its templates or change its msgtype)',
        '  robots.ops.templates: a WeCom robot with msgtype template_card takes no template; markdown and markdown_v2 do (remove its templates or change its msgtype)',
      ].join('\n'),
    );
  });

  it('refuses a robot that takes text through defaults.msgtype as well', () => {
    const text = `
robots:
  team:
    webhook: ${DINGTALK('team')}
    templates: { push: { text: "x" } }
defaults: { msgtype: text }
`;
    expect(problemsOf(() => buildSettings(settingsFileToParameters(text)))).toMatch(
      /robots\.team\.templates: a DingTalk robot with msgtype text takes no template/,
    );
  });

  it('names every shape mistake in the file by its path', () => {
    const text = `
robots:
  team:
    webhook: ${DINGTALK('team')}
    templates:
      pul_request: { text: "x" }
      pull_request.merg: { text: "x" }
      push: "just a string"
      tag_push: { txt: "x" }
      issue: { title: "only a title" }
      comment:
        text: {{ comment.excerpt }}
      default: { text: "" }
`;
    expect(problemsOf(() => settingsFileToParameters(text))).toBe(
      [
        'invalid settings file (6 problems):',
        '  robots.team.templates: "pul_request" is not default, an event (push, tag_push, issue, pull_request, comment) or event.action',
        '  robots.team.templates: "pull_request.merg": pull_request has no action "merg" (open, update, merge, close, reopen, approved, tested, test, untest, assign, unassign)',
        '  robots.team.templates.push: must be a mapping with the template under text, as in text: |',
        '  robots.team.templates.tag_push.txt: unknown key; expected title, text',
        '  robots.team.templates.comment.text: must be a string; YAML reads a plain value that starts with {{ as a mapping, so write the template as a block scalar (text: |)',
        '  robots.team.templates.default.text: must be a non-empty string (got an empty string)',
      ].join('\n'),
    );
  });

  it('refuses a template with a title and no text, and one for a robot that does not exist', () => {
    const parameters = new Map([
      ['robots/team/webhook', DINGTALK('team')],
      ['templates/team/issue/title', 'Issue'],
      ['templates/ghost/push/text', 'x'],
      ['templates/team/push/body', 'x'],
    ]);
    expect(problemsOf(() => buildSettings(parameters))).toBe(
      [
        'invalid settings (3 problems):',
        '  templates/team/push/body: unknown parameter; expected templates/<robot or defaults>/<event or event.action>/<title or text>',
        '  robots.team.templates.issue: no text; a template needs one (a title is optional)',
        '  robots.ghost.templates: no robot "ghost" (no robots/ghost/webhook parameter); known: team',
      ].join('\n'),
    );
  });

  it('refuses templates on a robot named defaults, whose parameters would be the defaults', () => {
    const text = `
robots:
  defaults:
    webhook: ${DINGTALK('d')}
    templates: { push: { text: "x" } }
`;
    expect(problemsOf(() => settingsFileToParameters(text))).toMatch(
      /robots\.defaults\.templates: a robot named defaults cannot have templates of its own/,
    );
  });
});

describe('template validation at load (loadSettings)', () => {
  const BROKEN = FILE.replace('by {{ actor.name }}', 'by {{ actor.nam }}').replace(
    '{{ summary }}',
    '{{ summary | upcase',
  );

  it("sets aside a robot's templates when one has a mistake, and tells why", async () => {
    const told: TemplateProblem[][] = [];
    const settings = await loadSettings(settingsFileToParameters(BROKEN), {
      onTemplateProblems: (problems) => told.push([...problems]),
    });

    expect(robot(settings, 'release').templates).toBeUndefined();
    // The defaults broke too: every robot that took them sends built-in messages.
    expect(robot(settings, 'team').templates).toBeUndefined();
    expect(told).toHaveLength(1);
    expect(
      told[0]!.map(({ path, message, line, column }) => ({ path, message, line, column })),
    ).toEqual([
      {
        path: 'robots.release.templates.tag_push.text',
        message: 'unknown field "actor.nam"; did you mean "actor.name"?',
        line: 1,
        column: 29,
      },
      expect.objectContaining({ path: 'defaults.templates.default.text', line: 1 }),
    ]);
    expect(settings.templateProblems).toEqual(told[0]);
    // Everything else loads as usual.
    expect(settings.robots.map((each) => each.name)).toEqual(['release', 'team', 'plain']);
  });

  it("keeps a robot's valid templates when only the defaults have a mistake", async () => {
    const settings = await load(FILE.replace('{{ summary }}', '{{ sumary }}'));

    expect(Object.keys(robot(settings, 'release').templates ?? {})).toEqual([
      'tag_push',
      'pull_request.merge',
    ]);
    expect(robot(settings, 'team').templates).toBeUndefined();
    expect(settings.templateProblems?.map((problem) => problem.path)).toEqual([
      'defaults.templates.default.text',
    ]);
  });
});

describe('TEMPLATE_MSGTYPES', () => {
  it.each(PLATFORM_NAMES)('lists exactly the msgtypes the %s templated renderer takes', (name) => {
    expect([...TEMPLATE_MSGTYPES[name]]).toEqual([...TEMPLATED_PLATFORMS[name].msgtypes]);
    for (const msgtype of TEMPLATE_MSGTYPES[name]) {
      expect(PLATFORM_CATALOG[name].msgtypes).toContain(msgtype);
    }
  });
});

describe('templates written into the config parameter', () => {
  it('are refused with where they belong', () => {
    const parameters = new Map([
      ['robots/team/webhook', DINGTALK('team')],
      [
        'config',
        'robots: { team: { templates: { push: { text: x } } } }\ndefaults: { templates: {} }',
      ],
    ]);

    expect(problemsOf(() => buildSettings(parameters))).toBe(
      [
        'invalid settings (2 problems):',
        '  config: defaults.templates: templates are not part of config; each is a templates/<robot or defaults>/<event>/<title or text> parameter, which settings push writes from the settings file',
        '  config: robots.team.templates: templates are not part of config; each is a templates/<robot or defaults>/<event>/<title or text> parameter, which settings push writes from the settings file',
      ].join('\n'),
    );
  });
});
