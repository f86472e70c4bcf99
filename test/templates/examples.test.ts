import { EXAMPLE_TEMPLATES } from '../../lib/templates/examples';
import type { TemplateSet } from '../../lib/templates/types';
import { fixtureNames } from '../helpers/fixtures';
import { parseFixture } from '../helpers/parse-fixture';
import { KEYWORD, TARGETS, markdownOf, render, shown, structureOf, viewOf } from './harness';

const TEMPLATES: TemplateSet = Object.fromEntries(
  EXAMPLE_TEMPLATES.map(({ key, template }) => [key, template]),
);

const cases = fixtureNames().flatMap((fixture) =>
  TARGETS.flatMap((target) =>
    (['zh-CN', 'en'] as const).map((locale) => ({ fixture, target, locale })),
  ),
);

describe('the example templates over every real fixture', () => {
  it.each(cases)(
    '$fixture on $target.platform $target.msgtype ($locale) keeps every invariant',
    async ({ fixture, target, locale }) => {
      const delivery = parseFixture(fixture);
      const result = await render(viewOf(delivery, locale), target, TEMPLATES, { locale });
      const kind = delivery.kind === 'ping' ? null : delivery.kind;
      const hasExample = EXAMPLE_TEMPLATES.some((example) => example.key === kind);
      expect(result.kind).toBe(hasExample ? 'templated' : 'built-in');
      const seen = shown(target, result.message);
      expect(seen.title.trim()).not.toBe('');
      expect(seen.bytes).toBeLessThanOrEqual(seen.limit ?? Infinity);
      if (target.platform !== 'wecom') {
        expect(seen.title).toContain(KEYWORD);
        expect(seen.body).toContain(KEYWORD);
      }
      expect(seen.links.length).toBeGreaterThan(0);
      for (const link of seen.links) expect(new URL(link).origin).toBe('https://gitee.com');
      const markup = structureOf(markdownOf(target, result.message));
      for (const piece of markup.filter((one) => one.startsWith('link_open'))) {
        expect(piece).toBe('link_open gitee.com');
      }
      expect(markup.filter((one) => one.startsWith('image'))).toEqual([]);
    },
  );

  it('reads as the README shows it: a one-line push on DingTalk', async () => {
    const result = await render(viewOf(parseFixture('push-commits'), 'en'), TARGETS[0], TEMPLATES, {
      locale: 'en',
    });
    expect(result.message).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '[GiteeRelay] kit101 pushed 1 commit to feat-2-1 in drone-yml-test',
        text:
          '[GiteeRelay] **kit101** pushed 1 commit to feat-2-1 in ' +
          '[kit101/drone-yml-test](https://gitee.com/kit101/drone-yml-test): feat-2-1 · ' +
          '[View changes](https://gitee.com/kit101/drone-yml-test/compare/' +
          '6168d9dae737b47f00c59fafca10c913a6850c3a...9921e45e570db8e57e544650baf837932fb2100f)',
      },
    });
  });

  it('reads as the README shows it: release notes for a tag on WeCom', async () => {
    const result = await render(
      viewOf(parseFixture('tag_push-create'), 'en'),
      TARGETS[4],
      TEMPLATES,
      {
        locale: 'en',
      },
    );
    expect(markdownOf(TARGETS[4], result.message)).toBe(
      [
        '### Release 1.3 · drone-yml-test',
        '**Release 1.3** · [kit101/drone-yml-test](https://gitee.com/kit101/drone-yml-test)',
        '',
        'By kit101 at 2021-10-08 16:01',
        '',
        '[aa9d115](https://gitee.com/kit101/drone-yml-test/commit/aa9d11518a64dcd0d591a2a4eb35dfb4d91d49d5) update .drone.yml. (kit101)',
        '',
        '[View tag](https://gitee.com/kit101/drone-yml-test/tree/1.3)',
      ].join('\n'),
    );
  });
});
