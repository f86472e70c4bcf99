import { compactView, MAX_VIEW_BYTES, viewBytes } from '../../lib/delivery/compact-view';
import type { ParsedDelivery } from '../../lib/gitee/event';
import { PLATFORMS } from '../../lib/platforms';
import { PLATFORM_CATALOG } from '../../lib/platforms/catalog';
import type { MentionIdentity, PlatformName } from '../../lib/platforms/chat-platform';
import type { Locale } from '../../lib/settings/types';
import { describeEvent } from '../../lib/view/describe-event';
import type { EventView } from '../../lib/view/event-view';
import { localeText } from '../../lib/view/locales/locale-text';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';

/**
 * The consumer draws a robot's message from the view in its queue message. compactView must
 * drop only what no renderer shows: every platform and msgtype, in both locales, with and
 * without mentions, must draw the same message from the compacted view (after a trip through
 * JSON, as in SQS) as from the whole one. Real fixtures as Gitee sent them, and the same
 * fixtures with every piece of user text and the commit list blown up, so the cuts happen.
 */
const PLATFORM_NAMES = Object.keys(PLATFORMS) as PlatformName[];
const LOCALES: Locale[] = ['zh-CN', 'en'];
const USER_TEXT_KEYS = new Set(['title', 'body', 'message', 'note', 'name', 'description']);

/**
 * How user text is blown up: mixed scripts; mostly spaces (a title's cut then reads furthest);
 * mostly Markdown links (an excerpt's cut then reads furthest).
 */
const FILLERS = {
  mixed: (text: string) => `${text} 登录页 **粗体** 😀 `.repeat(400),
  spaced: (text: string) => Array.from(`${text} 登录页`, (c) => c + ' '.repeat(50)).join(''),
  linked: (text: string) => `${text} [码](https://gitee.com/${'a'.repeat(80)}) `.repeat(200),
};
type Filler = keyof typeof FILLERS;

/** The payload with each piece of user text blown up. */
function inflate(value: unknown, filler: Filler, key = ''): unknown {
  if (typeof value === 'string' && USER_TEXT_KEYS.has(key) && value !== '') {
    return FILLERS[filler](value);
  }
  if (Array.isArray(value)) return value.map((item) => inflate(item, filler, key));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inflate(v, filler, k)]));
  }
  return value;
}

/** A fixture inflated, and a push's commit list made 80 commits long. */
function inflated(name: string, filler: Filler = 'mixed'): ParsedDelivery {
  const body = inflate(loadFixture(name), filler) as Record<string, unknown>;
  const commits = body.commits;
  if (Array.isArray(commits) && commits.length > 0) {
    body.commits = Array.from({ length: 80 }, (_, i) => commits[i % commits.length]);
    body.total_commits_count = 80;
  }
  return parsePayload(body);
}

/** Someone the view names, mapped for every platform, so mention lines are drawn too. */
function mentionsFor(view: EventView): Record<string, MentionIdentity> {
  const login = view.mentions.find((one) => one.login)?.login;
  const mentions = Object.create(null) as Record<string, MentionIdentity>;
  if (login) {
    mentions[login] = { mobile: '13800000000', userId: 'u1', feishu: 'ou_1', wecom: 'w1' };
  }
  return mentions;
}

function renderAll(view: EventView, locale: Locale, maxCommits: number): unknown[] {
  const t = localeText(locale);
  const mentions = mentionsFor(view);
  return PLATFORM_NAMES.flatMap((platform) =>
    PLATFORM_CATALOG[platform].msgtypes.flatMap((msgtype) =>
      [false, true].map((atAll) =>
        PLATFORMS[platform].render(view, {
          msgtype,
          t,
          keywords: platform === 'wecom' ? [] : ['GiteeRelay'],
          mentions,
          atAll,
          maxCommits,
          linkMode: 'browser',
        }),
      ),
    ),
  );
}

function throughQueue(view: EventView, maxCommits: number): EventView {
  return JSON.parse(JSON.stringify(compactView(view, maxCommits))) as EventView;
}

const CASES = fixtureNames().flatMap((name) =>
  LOCALES.flatMap((locale) => [
    { name, locale, how: 'as sent', parse: () => parseFixture(name) },
    ...(Object.keys(FILLERS) as Filler[]).map((filler) => ({
      name,
      locale,
      how: `inflated, ${filler}`,
      parse: () => inflated(name, filler),
    })),
  ]),
);

describe('compactView', () => {
  it.each(CASES)(
    'draws $name ($how, $locale) the same on every platform and msgtype',
    ({ locale, parse }) => {
      const view = describeEvent(parse(), { t: localeText(locale), timezone: 'Asia/Shanghai' });
      for (const maxCommits of [0, 5, 50]) {
        const compact = throughQueue(view, maxCommits);
        expect(viewBytes(compact)).toBeLessThanOrEqual(MAX_VIEW_BYTES);
        expect(renderAll(compact, locale, maxCommits)).toEqual(renderAll(view, locale, maxCommits));
      }
    },
  );

  it('cuts the inflated views, so the comparison above is not of equal inputs', () => {
    const t = localeText('zh-CN');
    const views = fixtureNames().map((name) =>
      describeEvent(inflated(name), { t, timezone: 'Asia/Shanghai' }),
    );
    const uncut = fixtureNames().filter(
      (_, index) => viewBytes(compactView(views[index]!, 5)) >= viewBytes(views[index]!),
    );
    // The ping's view is our canned words; the IM-robot body is described without its text.
    expect(uncut).toEqual(['im_wecom-push-markdown', 'ping-push_hooks']);
    const push = describeEvent(inflated('push-commits'), { t, timezone: 'Asia/Shanghai' });
    const compact = compactView(push, 5);
    expect(push.items).toHaveLength(80);
    expect(compact.items).toHaveLength(5);
    expect(compact.itemTotal).toBe(80);
  });

  it('keeps a hostile push under the limit: 100 commits of 4,000-character subjects', () => {
    const body = loadFixture('push-commits');
    const one = (body.commits as Array<Record<string, unknown>>)[0]!;
    const message = '码'.repeat(4000);
    body.commits = Array.from({ length: 100 }, () => ({ ...one, message }));
    const view = describeEvent(parsePayload(body), {
      t: localeText('en'),
      timezone: 'UTC',
    });
    expect(viewBytes(view)).toBeGreaterThan(256 * 1024);
    const compact = compactView(view, 50);
    expect(viewBytes(compact)).toBeLessThanOrEqual(MAX_VIEW_BYTES);
    expect(compact.itemTotal).toBe(view.itemTotal);
    expect(compact.headline).toEqual(view.headline);
  });

  it('drops template fields too large to travel, so the built-in message still goes out', () => {
    const view = describeEvent(parseFixture('push-commits'), {
      t: localeText('en'),
      timezone: 'UTC',
    });
    const huge = {
      ...view,
      fields: { ...view.fields!, url: `https://gitee.com/${'a'.repeat(70_000)}` },
    };
    const compact = compactView(huge, 5);
    expect(viewBytes(compact)).toBeLessThanOrEqual(MAX_VIEW_BYTES);
    expect(compact.fields).toBeUndefined();
    expect(compact.headline).toEqual(view.headline);
    expect(compact.items).toEqual(view.items);
  });
});
