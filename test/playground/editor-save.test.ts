import { parse } from 'yaml';
import { keepUntouchedLines } from '../../dev/playground-editor-lines';
import { writeTemplateInto } from '../../dev/playground-editor-save';

const FILE = `# The team's settings: keep this comment.
robots:
  team: # inline comment
    webhook: https://oapi.dingtalk.com/robot/send?access_token=tokentest-team
    keywords: [ Gitee ]
    templates:
      tag_push:
        text: |
          Release {{ tag }}
  ops: { webhook: "https://oapi.dingtalk.com/robot/send?access_token=tokentest-ops" }
mentions:
  kit101: { mobile: '13800000000' } # padded, as prettier writes it
`;

const templatesOf = (text: string, robot: string) =>
  (parse(text) as { robots: Record<string, { templates?: unknown }> }).robots[robot]?.templates;

describe('writeTemplateInto', () => {
  it('adds a template beside the others and changes no line outside them', () => {
    const text = '**{{ actor.name }}** pushed\n  - indented {{ branch }}\n';
    const written = writeTemplateInto(FILE, {
      robot: 'team',
      key: 'push',
      template: { title: 'Push: {{ branch }}', text },
    });

    expect(templatesOf(written, 'team')).toEqual({
      tag_push: { text: 'Release {{ tag }}\n' },
      push: { title: 'Push: {{ branch }}', text },
    });
    const before = FILE.split('\n');
    const after = written.split('\n');
    expect(before.filter((line) => !after.includes(line))).toEqual([]);
    expect(after).toHaveLength(before.length + 5);
    expect(written).toContain(
      [
        '      push:',
        '        title: "Push: {{ branch }}"',
        '        text: |',
        '          **{{ actor.name }}** pushed',
        '            - indented {{ branch }}',
        '  ops:',
      ].join('\n'),
    );
  });

  it('replaces a template in place and drops a title emptied in the editor', () => {
    const withTitle = writeTemplateInto(FILE, {
      robot: 'team',
      key: 'tag_push',
      template: { title: 'T', text: 'Tag {{ tag }}' },
    });
    const without = writeTemplateInto(withTitle, {
      robot: 'team',
      key: 'tag_push',
      template: { text: 'Tag {{ tag }}' },
    });

    expect(templatesOf(without, 'team')).toEqual({ tag_push: { text: 'Tag {{ tag }}' } });
    expect(without).toContain("# The team's settings: keep this comment.");
    expect(without).toContain('  team: # inline comment');
  });

  it('gives a robot written as a flow mapping its templates too', () => {
    const written = writeTemplateInto(FILE, {
      robot: 'ops',
      key: 'default',
      template: { text: '{{ summary }}\n' },
    });

    expect(templatesOf(written, 'ops')).toEqual({ default: { text: '{{ summary }}\n' } });
    expect(written).toContain(
      "  kit101: { mobile: '13800000000' } # padded, as prettier writes it",
    );
  });

  it.each([
    ['leading spaces', '   indented first line\nsecond'],
    ['trailing blank lines', 'text\n\n\n'],
    ['trailing spaces', 'text   \nmore  '],
    ['a tab', '\tx {{ y }}'],
    ['YAML-looking text', '- a: b\n# not a comment\n"quoted"'],
  ])('writes a text with %s so that it reads back exactly', (_, text) => {
    const written = writeTemplateInto(FILE, { robot: 'team', key: 'issue', template: { text } });

    expect((templatesOf(written, 'team') as Record<string, unknown>).issue).toEqual({ text });
  });

  it('copies inherited defaults in first, without overwriting a key the robot has', () => {
    const written = writeTemplateInto(FILE, {
      robot: 'team',
      key: 'push',
      template: { text: 'mine' },
      inherited: { default: { text: '{{ summary }}' }, push: { text: 'theirs' } },
    });

    expect(templatesOf(written, 'team')).toEqual({
      tag_push: { text: 'Release {{ tag }}\n' },
      default: { text: '{{ summary }}' },
      push: { text: 'mine' },
    });
  });

  it('refuses a file that is not YAML', () => {
    expect(() =>
      writeTemplateInto('robots: [unclosed', {
        robot: 'team',
        key: 'push',
        template: { text: 'x' },
      }),
    ).toThrow('the settings file is not valid YAML');
  });
});

describe('keepUntouchedLines', () => {
  it('puts back reformatted lines outside the edited range and keeps those inside', () => {
    const before = 'a: { x: 1 }\nb:\n  c: 1\nd: [ 1 ]';
    const after = 'a: {x: 1}\nb:\n  c: 2\n  e: 3\nd: [1]';

    expect(keepUntouchedLines(before, after, { first: 2, last: 3 })).toBe(
      'a: { x: 1 }\nb:\n  c: 2\n  e: 3\nd: [ 1 ]',
    );
  });

  it('keeps a removal inside the edited range and undoes one outside it', () => {
    const before = 'keep\nold\nnext\nmiddle\ngone';
    const after = 'keep\nnext\nmiddle';

    expect(keepUntouchedLines(before, after, { first: 1, last: 1 })).toBe(
      'keep\nnext\nmiddle\ngone',
    );
  });
});
