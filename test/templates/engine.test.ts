import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { escapeMarkdown } from '../../lib/platforms/dingtalk/escape';
import { loadTemplateEngine, renderTemplate } from '../../lib/templates/engine';
import type { TemplateRenderSettings } from '../../lib/templates/types';
import { validateTemplates } from '../../lib/templates/validate';

const SETTINGS: TemplateRenderSettings = {
  style: { escape: escapeMarkdown, linkTarget: (url) => `<${url}>` },
  timezone: 'Asia/Shanghai',
  giteeHosts: ['gitee.com', 'git.example.com:8443'],
};

function rendered(source: string, fields: object = {}, settings = SETTINGS): Promise<string> {
  return renderTemplate(source, fields, settings);
}

describe('the template engine', () => {
  it("escapes every output with the platform's escape, which raw cannot switch off", async () => {
    const fields = { t: '*b* [x](y) @13800000000' };
    expect(
      await rendered('{{ t }}|{{ t | raw }}|{% echo t %}|{{ t | upcase | raw }}', fields),
    ).toBe(
      [
        '\\*b\\* \\[x\\](y) @\u200D13800000000',
        '\\*b\\* \\[x\\](y) @\u200D13800000000',
        '\\*b\\* \\[x\\](y) @\u200D13800000000',
        '\\*B\\* \\[X\\](Y) @\u200D13800000000',
      ].join('|'),
    );
  });

  it('escapes each line a filter makes, so none opens a block', async () => {
    expect(await rendered('{{ t | replace: "/", "\n" }}', { t: 'a/# b/- c' })).toBe(
      'a\n\\# b\n\\- c',
    );
  });

  it('escapes a captured value once, where it is printed', async () => {
    expect(await rendered('{% capture x %}<{{ t }}>{% endcapture %}{{ x }}', { t: 'a_b' })).toBe(
      '\\<a\\_b>',
    );
  });

  it('prints nothing for an object, and a list as its entries', async () => {
    expect(
      await rendered('[{{ o }}][{{ l }}][{{ n }}]', { o: { a: 1 }, l: ['a', 'b'], n: null }),
    ).toBe('[][ab][]');
  });

  it.each([
    ['https://gitee.com/a/b/tree/x)*y*(', '<https://gitee.com/a/b/tree/x%29%2Ay%2A%28>'],
    ['https://gitee.com/a/b/issues/I1#note_7', '<https://gitee.com/a/b/issues/I1#note_7>'],
    ['http://git.example.com:8443/a/b', '<http://git.example.com:8443/a/b>'],
    ['https://gitee.com/@13800000000/[x]', '<https://gitee.com/%4013800000000/%5Bx%5D>'],
    ['https://evil.example/a', ''],
    ['https://gitee.com.evil.example/a', ''],
    ['https://user:pw@gitee.com/a', ''],
    ['javascript:alert(1)//gitee.com', ''],
    ['dingtalk://dingtalkclient/page/link?url=https://gitee.com', ''],
    ['https://gitee.com/a b', ''],
    ['/relative/path', ''],
  ])('lets url %s through as %s', async (url, output) => {
    expect(await rendered('{{ u | url }}', { u: url })).toBe(output);
  });

  it('gives "" from url for anything that is not an address', async () => {
    expect(
      await rendered('[{{ n | url }}][{{ o | url }}][{{ missing | url }}]', { n: 7, o: {} }),
    ).toBe('[][][]');
  });

  it("formats a time in the robot's zone, and nothing else", async () => {
    const fields = { at: '2021-10-08T09:53:19.688Z', ms: 1633686799688 };
    expect(
      await rendered(
        '{{ at | date }}|{{ ms | date: "%Y" }}|{{ "now" | date }}|{{ "x" | date }}',
        fields,
      ),
    ).toBe('2021-10-08 17:53|2021-10-08 17:53||');
    expect(await rendered('{{ at | date }}', fields, { ...SETTINGS, timezone: 'UTC' })).toBe(
      '2021-10-08 09:53',
    );
  });

  it('cuts at a grapheme boundary with cut', async () => {
    const fields = { t: '👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 中文标题很长' };
    expect(await rendered('{{ t | cut: 3 }}|{{ t | cut: 6 }}|{{ t | cut: 100 }}', fields)).toBe(
      '👨‍👩‍👧‍👦👨‍👩‍👧‍👦…|👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 中…|👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 中文标题很长',
    );
  });

  it('does not change the fields it renders', async () => {
    const fields = { total_commits: 3, actor: { name: 'a' } };
    await rendered('{% increment total_commits %}{% assign actor = "x" %}', fields);
    expect(fields).toEqual({ total_commits: 3, actor: { name: 'a' } });
  });
});

describe('loading the engine', () => {
  it('happens on first use only, so a cold start without templates never loads liquidjs', () => {
    const root = join(__dirname, '..', '..');
    const script = `
      require('./lib/templates/render-templated');
      require('./lib/templates/validate');
      require('./lib/webhook/render-jobs');
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('node_modules/liquidjs'));
      const before = loaded();
      require('./lib/templates/engine').loadTemplateEngine().then(() => {
        process.stdout.write(JSON.stringify([before, loaded()]));
      });`;
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual([false, true]);
  });
});

describe('one template on a cold start', () => {
  afterEach(() => jest.restoreAllMocks());

  // The first parse and the static analysis are most of a templated cold start's cost
  // (issue 12, "Benchmark"): the validator at settings load and every render share one engine
  // and one parse, and only the validator analyses.
  it('is parsed once and analysed once for the validator and every render after it', async () => {
    const engine = await loadTemplateEngine();
    const parse = jest.spyOn(engine.liquid, 'parse');
    const analyse = jest.spyOn(engine.liquid, 'analyzeSync');
    const source = '**{{ actor.name }}** pushed {{ total_commits }} (parsed-once probe)';
    expect(await validateTemplates([{ path: 'robots.team.templates.push.text', source }])).toEqual(
      [],
    );
    const fields = { actor: { name: 'a' }, total_commits: 2 };
    expect(await rendered(source, fields)).toBe('**a** pushed 2 (parsed-once probe)');
    expect(await rendered(source, { ...fields, total_commits: 3 })).toBe(
      '**a** pushed 3 (parsed-once probe)',
    );
    expect(parse).toHaveBeenCalledTimes(1);
    expect(analyse).toHaveBeenCalledTimes(1);
    expect(await loadTemplateEngine()).toBe(engine);
  });
});
