import { PLATFORMS } from '../../lib/platforms';
import { renderDigestTitle, renderTemplatedOrBuiltIn } from '../../lib/templates/render-templated';
import type { TemplateSet } from '../../lib/templates/types';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';
import { pullRequestPayload } from '../format/payloads/pull-request';
import { commit, pushPayload } from '../format/payloads/push';
import {
  KEYWORD,
  TARGETS,
  markdownOf,
  optionsFor,
  render,
  shown,
  structureOf,
  viewOf,
  type Target,
} from './harness';

const [dingtalkMarkdown, dingtalkCard, feishuCard, feishuCard2, wecomMarkdown, wecomV2] = TARGETS;
const push = viewOf(parseFixture('push-commits'), 'en');

function builtIn(view: typeof push, target: Target, overrides = {}) {
  return PLATFORMS[target.platform].render(view, optionsFor(target, overrides));
}

describe('renderTemplatedOrBuiltIn', () => {
  it('takes event.action over event over default', async () => {
    const templates: TemplateSet = {
      default: { text: 'default' },
      push: { text: 'push' },
      'push.push': { text: 'push.push' },
    };
    const text = async (set: TemplateSet) => {
      const result = await render(push, wecomMarkdown, set);
      return result.kind === 'templated'
        ? [result.template, markdownOf(wecomMarkdown, result.message)]
        : null;
    };
    expect(await text(templates)).toEqual(['push.push', 'push.push']);
    expect(await text({ default: templates.default!, push: templates.push! })).toEqual([
      'push',
      'push',
    ]);
    expect(await text({ default: { text: 'default' }, 'push.create': { text: 'x' } })).toEqual([
      'default',
      'default',
    ]);
  });

  it('sends the built-in message when no template matches, or the robot has none', async () => {
    for (const templates of [undefined, { issue: { text: 'x' } }]) {
      const result = await render(push, dingtalkMarkdown, templates);
      expect(result).toEqual({ kind: 'built-in', message: builtIn(push, dingtalkMarkdown) });
    }
  });

  it('never templates the Test ping', async () => {
    const ping = viewOf(parseFixture('ping-push_hooks'));
    const result = await render(ping, dingtalkMarkdown, { default: { text: 'x' } });
    expect(result).toEqual({ kind: 'built-in', message: builtIn(ping, dingtalkMarkdown) });
  });

  it.each([
    ['dingtalk', 'text'],
    ['feishu', 'post'],
    ['feishu', 'text'],
    ['wecom', 'text'],
    ['wecom', 'template_card'],
  ] as const)(
    'falls back on a %s %s robot, whose msgtype takes no template',
    async (platform, msgtype) => {
      const target = { platform, msgtype } as unknown as Target;
      const result = await render(push, target, { push: { text: 'x' } });
      expect(result).toEqual({
        kind: 'fallback',
        message: builtIn(push, target),
        template: 'push',
        reason: `msgtype ${msgtype} takes no template`,
      });
    },
  );

  it('falls back when the template renders empty; a view without fields is built-in', async () => {
    const empty = await render(push, feishuCard, {
      push: { text: '{% if tag != "" %}x{% endif %}\n  \n' },
    });
    expect(empty).toMatchObject({ kind: 'fallback', reason: 'the template rendered empty' });
    expect(empty.message).toEqual(builtIn(push, feishuCard));
    // A queue message written before templates: its view has no fields.
    const older = { ...push, fields: undefined };
    const result = await render(older, feishuCard, { default: { text: 'x' } });
    expect(result).toEqual({ kind: 'built-in', message: builtIn(older, feishuCard) });
  });

  it('uses the built-in headline where a platform needs a title and the template has none', async () => {
    const templates = { push: { text: 'only text' } };
    const headline = '[GiteeRelay] kit101 pushed 1 commit to feat-2-1 in drone-yml-test';
    expect(
      shown(
        dingtalkMarkdown,
        (await render(push, dingtalkMarkdown, templates, { locale: 'en' })).message,
      ).title,
    ).toBe(headline);
    expect(
      shown(feishuCard, (await render(push, feishuCard, templates, { locale: 'en' })).message)
        .title,
    ).toBe(headline);
    expect(markdownOf(wecomMarkdown, (await render(push, wecomMarkdown, templates)).message)).toBe(
      'only text',
    );
  });

  it('links through the url filter in the robot link mode', async () => {
    const result = await render(
      push,
      dingtalkMarkdown,
      { push: { text: '[x]({{ url | url }})' } },
      {
        linkMode: 'browser',
      },
    );
    const [link] = shown(dingtalkMarkdown, result.message).links;
    expect(markdownOf(dingtalkMarkdown, result.message)).toContain(
      '](dingtalk://dingtalkclient/page/link?url=https%3A%2F%2Fgitee.com%2F',
    );
    expect(link).toBe(push.fields!.url);
  });
});

describe('guarantees kept over a template', () => {
  const view = viewOf(parsePayload(pullRequestPayload()), 'en');
  const mentions = { carol: { mobile: '13800000001', feishu: 'ou_carol', wecom: 'carol' } };

  it.each([
    [dingtalkMarkdown, { atMobiles: ['13800000001'] }, '@13800000001'],
    [dingtalkCard, { atMobiles: ['13800000001'] }, '@所有人 @13800000001'],
    [feishuCard, { at: ['all', 'ou_carol'] }, '<at id=all></at> <at id=ou_carol></at>'],
    [feishuCard2, { at: ['all', 'ou_carol'] }, '<at id=all></at> <at id=ou_carol></at>'],
    [wecomMarkdown, { tokens: ['carol'] }, '<@carol>'],
  ] as const)(
    'places the mentions %j where the platform reads them',
    async (target, pings, line) => {
      const result = await render(
        view,
        target,
        { pull_request: { text: 'PR {{ pull_request.title }}' } },
        {
          mentions,
          atAll: true,
        },
      );
      const seen = shown(target, result.message);
      expect(seen.pings).toMatchObject(pings);
      if (target.msgtype === 'actionCard') {
        expect((result.message as { at?: object }).at).toEqual({
          atMobiles: ['13800000001'],
          isAtAll: true,
        });
      }
      expect(markdownOf(target, result.message)).toContain(line);
    },
  );

  it('pings no one in WeCom markdown_v2, which cannot', async () => {
    const result = await render(
      view,
      wecomV2,
      { default: { text: 'PR' } },
      { mentions, atAll: true },
    );
    expect(markdownOf(wecomV2, result.message)).toBe('PR');
  });

  const many = Array.from({ length: 50 }, (_, index) =>
    commit({ id: String(index % 10).repeat(40), message: `改动 ${index} ${'长'.repeat(90)}` }),
  );
  const big = viewOf(parsePayload(pushPayload({ commits: many })), 'zh-CN');
  const HUGE = {
    push: {
      title: '{{ summary }}',
      text: '{% for i in (1..3) %}{% for c in commits %}[{{ c.short_id }} {{ c.title }}]({{ c.url | url }})\n\n{% endfor %}{% endfor %}',
    },
  };

  it.each(TARGETS)(
    'cuts an output over the $platform $msgtype limit, keeping keyword and links whole',
    async (target) => {
      const result = await render(big, target, HUGE, {
        maxCommits: 50,
        keywords: target.platform === 'wecom' ? [] : ['关键词'],
      });
      expect(result.kind).toBe('templated');
      const seen = shown(target, result.message);
      expect(seen.bytes).toBeLessThanOrEqual(seen.limit ?? Infinity);
      expect(seen.bytes).toBeGreaterThan((seen.limit ?? 0) * 0.8);
      const text = markdownOf(target, result.message);
      expect(text).toMatch(/…/);
      if (target.platform !== 'wecom') {
        expect(seen.title).toContain('关键词');
        expect(seen.body).toContain('关键词');
      }
      // Every link still opens its commit: none was cut inside.
      const links = structureOf(text).filter((piece) => piece.startsWith('link_open'));
      expect(links.length).toBeGreaterThan(3);
      expect(new Set(links)).toEqual(new Set(['link_open gitee.com']));
      expect(text).not.toMatch(/\[[^\]]*$|\]\([^)]*…/);
    },
  );
});

describe('renderDigestTitle', () => {
  const options = optionsFor(dingtalkMarkdown, { locale: 'en' });
  const settings = { timezone: 'Asia/Shanghai', giteeHosts: ['gitee.com'] };

  it("gives a templated event's title as plain text for the digest to escape", async () => {
    const templates = { push: { title: '*{{ actor.name }}* → {{ branch }}\n', text: 'x' } };
    expect(await renderDigestTitle(push, templates, options, settings)).toBe('*kit101* → feat-2-1');
  });

  it('gives nothing without a title, for a failing one, or one that renders empty', async () => {
    for (const title of [undefined, '{% if %}', '{% if tag != "" %}x{% endif %}']) {
      const templates = { push: { ...(title === undefined ? {} : { title }), text: 'x' } };
      expect(await renderDigestTitle(push, templates, options, settings)).toBeUndefined();
    }
  });
});

it('keeps a keyword the template already shows', async () => {
  const result = await renderTemplatedOrBuiltIn({
    view: push,
    platform: PLATFORMS.dingtalk,
    options: optionsFor(dingtalkMarkdown),
    templates: { push: { title: `${KEYWORD}: {{ branch }}`, text: `${KEYWORD} {{ branch }}` } },
    timezone: 'UTC',
    giteeHosts: ['gitee.com'],
  });
  expect(result.message).toEqual({
    msgtype: 'markdown',
    markdown: { title: 'GiteeRelay: feat-2-1', text: 'GiteeRelay feat-2-1' },
  });
});
