import { PLATFORMS } from '../../lib/platforms';
import { parseFixture } from '../helpers/parse-fixture';
import { optionsFor, render, TARGETS, viewOf } from './harness';

const view = viewOf(parseFixture('push-commits'));
const [dingtalk] = TARGETS;

/** The built-in message the relay sends when the template fails. */
const builtIn = PLATFORMS.dingtalk.render(view, optionsFor(dingtalk));

/** Template-side probes (templates.md §2): none may reach code, prototypes or files. */
const PROBES = [
  '{{ actor.constructor }}|{{ actor.name.constructor.name }}|{{ actor.__proto__ }}',
  '{{ commits.constructor }}|{{ commits | map: "constructor" | join: "," }}|{{ commits.first.constructor.name }}',
  '{{ process.env.HOME }}|{{ process.version }}|{{ globalThis }}|{{ global.process }}|{{ require }}',
  '{{ this }}|{{ self }}|{{ __proto__ }}|{{ constructor }}|{{ toString }}|{{ hasOwnProperty }}',
  '{% assign __proto__ = "x" %}{% assign constructor = "y" %}{{ __proto__ }}{{ constructor }}',
  '{% increment constructor %}{% increment __proto__ %}{% increment toString %}',
  '{% capture __proto__ %}polluted{% endcapture %}{{ actor.polluted }}',
  '{{ summary | date: "%5000000d" }}|{{ "now" | date }}|{{ 1 | date }}',
];
const PARSE_REFUSED = [
  ['{% include "package.json" %}', 'tag "include" is not available'],
  ['{% render "package.json" %}', 'tag "render" is not available'],
  ['{% layout "package.json" %}', 'tag "layout" is not available'],
  ['{{ "x" | constructor }}', 'undefined filter: constructor'],
  ['{{ "x" | __proto__ }}', 'undefined filter: __proto__'],
  ['{{ "x" | date_to_xmlschema }}', 'undefined filter: date_to_xmlschema'],
  ['{% constructor %}', 'tag "constructor" not found'],
] as const;

describe('template-side probes', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(PROBES)('reach no code, prototype or environment: %s', async (probe) => {
    const result = await render(view, dingtalk, { push: { text: `ok ${probe}` } });
    const text = JSON.stringify(result.message);
    expect(result.kind).toBe('templated');
    expect(text).not.toMatch(/function|Function|Object|Array|String|\[native|v20\.|\/root|\/home/);
    expect(text).not.toContain('polluted');
    expect(text.length).toBeLessThan(2_000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it.each(PARSE_REFUSED)('refuse %s and send the built-in message', async (probe, reason) => {
    const result = await render(view, dingtalk, { push: { text: probe } });
    expect(result).toEqual({
      kind: 'fallback',
      message: builtIn,
      template: 'push',
      reason: expect.stringContaining(reason),
    });
    expect(JSON.stringify(result)).not.toContain('gitee-dingtalk');
  });
});

describe('template limits', () => {
  it.each([
    ['a loop over 10,000 items', '{% for i in (1..10000) %}{{ i }}{% endfor %}', /output limit/],
    [
      'a 10 MB string',
      '{% assign s = "0123456789" %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      /memory alloc limit/,
    ],
    [
      'a capture doubling itself',
      '{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}x{% endcapture %}{% endfor %}{{ s | size }}',
      /output limit/,
    ],
    ['a huge range', '{% for i in (1..100000000) %}{% endfor %}', /memory alloc limit/],
    [
      'nested loops over every commit',
      '{% for a in (1..100) %}{% for b in (1..100) %}{{ commits.first.title }}{% endfor %}{% endfor %}',
      /output limit/,
    ],
  ])('stop %s; the built-in message goes out', async (_name, text, reason) => {
    const result = await render(view, dingtalk, { push: { text } });
    expect(result.kind).toBe('fallback');
    expect(result.message).toEqual(builtIn);
    expect(result.kind === 'fallback' && result.reason).toMatch(reason);
  });
});
