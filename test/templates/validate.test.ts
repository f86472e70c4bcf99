import { EXAMPLE_TEMPLATES } from '../../lib/templates/examples';
import { TEMPLATE_FIELDS } from '../../lib/templates/field-list';
import {
  formatTemplateProblem,
  validateTemplates,
  type TemplateProblem,
} from '../../lib/templates/validate';

const PATH = 'robots.release.templates.tag_push.text';

async function problems(source: string): Promise<TemplateProblem[]> {
  return validateTemplates([{ path: PATH, source }]);
}

async function only(source: string): Promise<TemplateProblem> {
  const found = await problems(source);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('validateTemplates', () => {
  it('reports an unclosed tag at its line and column, with a frame of the template only', async () => {
    const problem = await only('### {{ tag }}\n{% for c in commits %}\n- {{ c.title }}\n');
    expect(formatTemplateProblem(problem)).toBe(
      [
        `${PATH}: tag {% for c in commits %} not closed (line 2, col 1)`,
        '   1| ### {{ tag }}',
        '>> 2| {% for c in commits %}',
        '    | ^',
        '   3| - {{ c.title }}',
        '   4| ',
      ].join('\n'),
    );
  });

  it('reports an unclosed output where it opens', async () => {
    const problem = await only('a\nb {{ c.title | cut: 60 \n{% endfor %}');
    expect(problem).toMatchObject({ line: 2, column: 3 });
    expect(problem.message).toBe('output "{{ c.title | cut: 60 \\n{% endf..." not closed');
  });

  it('reports an unknown filter at the filter itself', async () => {
    const problem = await only('a\n\n  {{ tag | truncat: 60 }}');
    expect(formatTemplateProblem(problem)).toBe(
      [
        `${PATH}: undefined filter: truncat (line 3, col 12)`,
        '   1| a',
        '   2| ',
        '>> 3|   {{ tag | truncat: 60 }}',
        '    |            ^',
      ].join('\n'),
    );
  });

  it('reports an unknown tag and bad expressions', async () => {
    expect((await only('{% iff tag %}x{% endif %}')).message).toBe('tag "iff" not found');
    expect(await only('x {% if %}y{% endif %}')).toMatchObject({
      message: 'invalid value expression: ""',
      line: 1,
      column: 8,
    });
    expect((await only('{{ 7*7 }}')).message).toBe('expected "|" before filter');
  });

  it('reports a field that is not documented, with the one meant', async () => {
    const found = await problems(
      '{{ repository.ful_name }}\n{{ repo }} {{ commits[0].titel }} {{ actor.name.first }}',
    );
    expect(found.map(({ message, line, column }) => [message, line, column])).toEqual([
      ['unknown field "repository.ful_name"; did you mean "repository.full_name"?', 1, 4],
      ['unknown field "repo"; did you mean "repository"?', 2, 4],
      ['unknown field "commits[0].titel"; did you mean "commits[0].title"?', 2, 15],
      ['unknown field "actor.name.first"', 2, 38],
    ]);
  });

  it('checks what a loop variable reads against the entries of its list', async () => {
    const found = await problems(
      '{% for c in commits %}{{ c.titel }} {{ c.title | size }} {{ forloop.index }}{% endfor %}\n' +
        '{% for l in pull_request.labels %}{{ l }}{{ l.name }}{% endfor %}\n' +
        '{% for r in pull_request.reviewers reversed %}{{ r.login }}{{ r.mail }}{% endfor %}',
    );
    expect(found.map(({ message, line, column }) => [message, line, column])).toEqual([
      ['unknown field "c.titel"; did you mean "c.title"?', 1, 26],
      ['unknown field "l.name"', 2, 45],
      ['unknown field "r.mail"', 3, 63],
    ]);
  });

  it('reads a list as a list: entries by index, first and last, never members', async () => {
    expect(
      await problems('{{ commits.size }} {{ commits.first.url }} {{ commits[1].author }}'),
    ).toEqual([]);
    expect((await only('{{ commits.title }}')).message).toBe(
      'unknown field "commits.title"; did you mean "commits[0].title"?',
    );
  });

  it('accepts names a template assigns or captures, and Liquid literals', async () => {
    const source =
      '{% assign n = total_commits | minus: 1 %}{% capture who %}{{ actor.name }}{% endcapture %}' +
      '{{ n }} {{ who }} {% if tag == empty or branch != blank %}{{ nil }}{{ true }}{% endif %}';
    expect(await problems(source)).toEqual([]);
  });

  it('asks for the url filter in a link target', async () => {
    const problem = await only('see [the page]({{ url }})');
    expect(problem).toMatchObject({ line: 1, column: 16 });
    expect(problem.message).toContain('url filter');
    expect(await problems('see [the page]({{ url | url }})')).toEqual([]);
  });

  it('refuses the tags that read files at their place', async () => {
    const problem = await only('hello\n  {% include "x" %}');
    expect(problem).toMatchObject({ line: 2, column: 3 });
    expect(problem.message).toBe(
      'tag "include" is not available: a template is one text and reads no files',
    );
  });

  it('refuses a template longer than the parse limit', async () => {
    expect((await only('x'.repeat(20_001))).message).toBe(
      'the template is longer than 20000 characters',
    );
  });

  it('names each template by its path and keeps going after a bad one', async () => {
    const found = await validateTemplates([
      { path: 'defaults.templates.default.text', source: '{{ x }}' },
      { path: 'robots.a.templates.push.title', source: '{{ actor.name }}' },
      { path: 'robots.a.templates.push.text', source: '{% if %}' },
    ]);
    expect(found.map((problem) => problem.path)).toEqual([
      'defaults.templates.default.text',
      'robots.a.templates.push.text',
    ]);
  });

  it('accepts every documented field and every example template', async () => {
    const everyField = TEMPLATE_FIELDS.map(
      (field) => `{{ ${field.path.replace(/\[\]/g, '[0]')} }}`,
    ).join('\n');
    expect(await problems(everyField)).toEqual([]);
    const examples = EXAMPLE_TEMPLATES.flatMap(({ key, template }) =>
      Object.entries(template).map(([part, source]) => ({
        path: `defaults.templates.${key}.${part}`,
        source: String(source),
      })),
    );
    expect(await validateTemplates(examples)).toEqual([]);
  });
});
