import type { TemplateSet } from '../../lib/templates/types';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parsePayload } from '../helpers/parse-fixture';
import {
  KEYWORD,
  TARGETS,
  markdownOf,
  render,
  shown,
  structureOf,
  viewOf,
  type Target,
} from './harness';

/**
 * Everything a commit message, title, branch, name, label or comment could try on any of the
 * three platforms, and template syntax that must stay text (issue 12, "Tests").
 */
const HOSTILE = [
  '# h **b** _i_ `c` ~~s~~ [link](https://evil.example) ![img](https://evil.example/x.png)',
  '<font color="red">red</font> <at id=all></at> <at user_id="all">所有人</at> <@all> <@zhangsan>',
  '@13800000000 @所有人 @all {{ 7*7 }} {% raw %}r{% endraw %} <%= 7*7 %> &lt;b&gt; &#64;bob',
  'www.evil.example https://evil.example/p > q | t | \\[x\\] <https://evil.example> 1. one ) **y** ~~z~~',
].join(' ');
const BENIGN = 'x';

const TEXT_KEYS = new Set(['title', 'body', 'message', 'note', 'name', 'description', 'login']);
const POLLUTION = '{"polluted":"yes"}';

/** The fixture with every string a user types replaced by `text`, refs included. */
function planted(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((item) => planted(item, text));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if (typeof child !== 'string' || child === '') return [key, planted(child, text)];
      if (TEXT_KEYS.has(key)) return [key, text];
      if (key === 'ref') return [key, child.replace(/^(refs\/(?:heads|tags)\/)?.*$/, `$1${text}`)];
      return [key, child];
    }),
  );
}

/** `__proto__` and `constructor` keys in the JSON, where a careless merge would take them. */
function withPrototypeKeys(body: unknown): Record<string, unknown> {
  const json = JSON.stringify(body).replace(
    /\{"/g,
    `{"__proto__":${POLLUTION},"constructor":{"prototype":${POLLUTION}},"`,
  );
  return JSON.parse(json) as Record<string, unknown>;
}

function viewWith(fixture: string, text: string) {
  return viewOf(parsePayload(withPrototypeKeys(planted(loadFixture(fixture), text))));
}

/** Prints every field, in link labels, loops, captures and through filters. */
const EVERYTHING: TemplateSet = {
  default: {
    title: '{{ summary }} {{ issue.title }}{{ pull_request.title }}{{ commits.first.title }}',
    text: `{{ summary }} · {{ actor.name }} {{ actor.login }} · {{ repository.name }} {{ repository.full_name }} · {{ branch }} {{ tag }}

{% for c in commits %}- [{{ c.short_id }} {{ c.title }}]({{ c.url | url }}) {{ c.author }} {{ c.author_login }} {{ c.time }}
{% endfor %}
{{ authors | join: ", " }} {{ head_commit.title | upcase }} {{ head_commit.author | downcase }}

{% if issue %}[{{ issue.number }} {{ issue.title }}]({{ issue.url | url }}) {{ issue.labels | join: ", " }} {{ issue.milestone }} {{ issue.assignee.name }} {{ issue.author.login }} {{ issue.excerpt | truncate: 80 }}{% endif %}

{% if pull_request %}[{{ pull_request.title | cut: 50 }}]({{ pull_request.url | url }}) {{ pull_request.source_branch }} → {{ pull_request.target_branch }} {{ pull_request.labels | join: ", " }} {{ pull_request.reviewers | map: "name" | join: ", " }} {{ pull_request.testers | map: "login" | join: ", " }} {{ pull_request.excerpt | append: "!" }}{% endif %}

{% if comment %}{{ comment.excerpt | prepend: "> " }} {{ comment.target }}{% endif %}

{% capture line %}{{ actor.name }} {{ commits.last.title }}{% endcapture %}{{ line }} {{ actor.name | raw }} {{ actor.name | escape }} {% echo actor.name %} {% cycle actor.name, repository.name %}

[{{ repository.name }}]({{ repository.url | url }}) [{{ words.links.repository }}]({{ url | url }})`,
  },
};

// The Test ping is never templated (its own test is in render-templated.test.ts).
const cases = fixtureNames()
  .filter((fixture) => !fixture.startsWith('ping-'))
  .flatMap((fixture) => TARGETS.map((target) => ({ fixture, target })));

/** How often each piece of markup occurs. */
function counts(markup: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const piece of markup) found.set(piece, (found.get(piece) ?? 0) + 1);
  return found;
}

/** Markup in `hostile` that the same template did not write for harmless data. */
function addedMarkup(target: Target, hostile: unknown, benign: unknown): string[] {
  const ours = counts(structureOf(markdownOf(target, benign)));
  const theirs = counts(structureOf(markdownOf(target, hostile)));
  return [...theirs].filter(([piece, count]) => count > (ours.get(piece) ?? 0)).map(([p]) => p);
}

describe('hostile Gitee data through a template', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(cases)(
    '$fixture on $target.platform $target.msgtype adds no markup, link, mention or ping',
    async ({ fixture, target }) => {
      const hostile = await render(viewWith(fixture, HOSTILE), target, EVERYTHING);
      const benign = await render(viewWith(fixture, BENIGN), target, EVERYTHING);
      expect(hostile.kind).toBe('templated');
      expect(benign.kind).toBe('templated');
      expect(addedMarkup(target, hostile.message, benign.message)).toEqual([]);
      const seen = shown(target, hostile.message);
      expect(seen.pings).toEqual(shown(target, benign.message).pings);
      // An escaped "[x](https:\u200b//…)" is text: only what parses as an address could open.
      const links = seen.links.filter((link) => URL.canParse(link));
      for (const link of links) expect(new URL(link).origin).toBe('https://gitee.com');
      expect(seen.bytes).toBeLessThanOrEqual(seen.limit ?? Infinity);
      if (target.platform !== 'wecom') {
        expect(seen.title).toContain(KEYWORD);
        expect(seen.body).toContain(KEYWORD);
      }
    },
  );

  it('shows template syntax from the data as the text it is', async () => {
    const view = viewWith('push-commits', '{{ 7*7 }} {% raw %}r{% endraw %} <%= 7*7 %>');
    const result = await render(view, TARGETS[4], { push: { text: '{{ commits[0].title }}' } });
    const text = markdownOf(TARGETS[4], result.message);
    expect(text).toContain('{{ 7＊7 }}');
    expect(text).toContain('{% raw %}r{% endraw %}');
    expect(text).toContain('＜%= 7＊7 %＞');
  });

  it('leaves Object.prototype and the global object as they were', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as Record<string, unknown>).polluted).toBeUndefined();
  });
});
