import type { EventView } from '../../../lib/view/event-view';
import { feishu } from '../../../lib/platforms/feishu';
import type { FeishuMessage } from '../../../lib/platforms/feishu/message';
import type { Locale } from '../../../lib/settings/types';
import { fixtureNames } from '../../helpers/fixtures';
import {
  bodyTextOf,
  fixtureView,
  linksOf,
  markdownFields,
  mentionedIds,
  plainFields,
  renderOptions,
  sentBytes,
  titleOf,
} from './feishu-parts';
import { markdownLeaks, plainLeaks } from './feishu-leaks';

const KEYWORD = '飞书通知';
const OU_BOB = 'ou_0123456789abcdef0123456789abcdef';
const LOCALES: Locale[] = ['zh-CN', 'en'];
const cases = fixtureNames().flatMap((fixture) =>
  feishu.msgtypes.flatMap((msgtype) => LOCALES.map((locale) => ({ fixture, msgtype, locale }))),
);

/** Every ping token the renderers write, so the leak detectors can set them aside. */
const TOKENS = [
  `[${KEYWORD}] `,
  '<at id=all></at>',
  `<at id=${OU_BOB}></at>`,
  '<at user_id="all"></at>',
  `<at user_id="${OU_BOB}"></at>`,
];

function expectInvariants(message: FeishuMessage, msgtype: string): void {
  expect(message.msg_type).toBe(msgtype === 'interactive2' ? 'interactive' : msgtype);
  if (message.msg_type === 'interactive') {
    expect('schema' in message.card).toBe(msgtype === 'interactive2');
  }
  expect(titleOf(message).trim()).not.toBe('');
  expect(titleOf(message)).toContain(KEYWORD);
  expect(bodyTextOf(message)).toContain(KEYWORD);
  expect(sentBytes(message)).toBeLessThanOrEqual(20_000);
  const links = linksOf(message);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(new URL(link).origin).toBe('https://gitee.com');
  for (const text of markdownFields(message)) expect(markdownLeaks(text, TOKENS)).toEqual([]);
  for (const text of plainFields(message)) expect(plainLeaks(text, TOKENS)).toEqual([]);
}

describe('feishu.render over every real Gitee fixture', () => {
  it.each(cases)(
    '$fixture as $locale $msgtype keeps every invariant',
    ({ fixture, msgtype, locale }) => {
      const view = fixtureView(fixture, locale);
      const message = feishu.render(view, renderOptions({ msgtype, locale, keywords: [KEYWORD] }));
      expectInvariants(message, msgtype);
      expect(feishu.refuse(message)).toBeNull();
    },
  );

  it.each(cases)(
    '$fixture as $locale $msgtype puts mentions where $msgtype pings, and names the unmapped',
    ({ fixture, msgtype, locale }) => {
      const view: EventView = {
        ...fixtureView(fixture, locale),
        mentions: [
          { login: 'bob', name: 'Bob' },
          { login: 'carol', name: 'Carol Unmapped' },
        ],
      };
      const mentions = { bob: { feishu: OU_BOB, mobile: '13800000000' } };
      const message = feishu.render(
        view,
        renderOptions({ msgtype, locale, keywords: [KEYWORD], mentions, atAll: true }),
      );
      expectInvariants(message, msgtype);
      expect(mentionedIds(message)).toEqual(['all', OU_BOB]);
      expect(bodyTextOf(message)).toContain('Carol Unmapped');
      expect(JSON.stringify(message)).not.toContain('13800000000');
      // Pings live in the body only: a header, note or post title shows no tag.
      const plain = message.msg_type === 'text' ? [] : plainFields(message);
      for (const text of plain) expect(text).not.toContain('<at');
    },
  );
});

describe('feishu.render keywords', () => {
  it('adds the keyword once, to the title and the body, only where none is shown', () => {
    const message = feishu.render(
      fixtureView('push-commits'),
      renderOptions({ keywords: ['推送', KEYWORD] }),
    );
    // "推送" is in the headline ("kit101 推送了…") and the footer ("Gitee · 推送").
    expect(titleOf(message)).not.toContain(KEYWORD);
    expect(JSON.stringify(message)).not.toContain(KEYWORD);
  });

  it('does not count a keyword that is only in a link target', () => {
    // "drone-yml-test/compare" is in the button's URL only.
    for (const msgtype of feishu.msgtypes) {
      const message = feishu.render(
        fixtureView('push-commits'),
        renderOptions({ msgtype, keywords: ['compare'] }),
      );
      expect(titleOf(message)).toMatch(/^\[compare\] /);
      expect(bodyTextOf(message)).toContain('[compare]');
    }
  });

  it('adds nothing without keywords', () => {
    for (const msgtype of feishu.msgtypes) {
      const message = feishu.render(
        fixtureView('push-commits'),
        renderOptions({ msgtype, keywords: [] }),
      );
      expect(JSON.stringify(message)).not.toMatch(/\[[^\]]*\] /);
    }
  });
});

describe('feishu.render msgtypes', () => {
  it('renders an unknown msgtype that slipped past validation as the default 1.0 card', () => {
    const message = feishu.render(
      fixtureView('push-commits'),
      renderOptions({ msgtype: 'markdown' }),
    );
    expect(message.msg_type).toBe('interactive');
    expect(message.msg_type === 'interactive' && 'schema' in message.card).toBe(false);
  });

  it('writes a post in the language of the locale', () => {
    const zh = feishu.render(fixtureView('push-commits'), renderOptions({ msgtype: 'post' }));
    const en = feishu.render(
      fixtureView('push-commits', 'en'),
      renderOptions({ msgtype: 'post', locale: 'en' }),
    );
    expect(zh.msg_type === 'post' && Object.keys(zh.content.post)).toEqual(['zh_cn']);
    expect(en.msg_type === 'post' && Object.keys(en.content.post)).toEqual(['en_us']);
  });

  it('gives a 2.0 card no note or action and splits its paragraphs by a blank line', () => {
    const message = feishu.render(
      fixtureView('merge_request-open'),
      renderOptions({ msgtype: 'interactive2' }),
    );
    if (message.msg_type !== 'interactive' || !('schema' in message.card)) throw new Error('2.0');
    const tags = message.card.body.elements.map((element) => element.tag);
    expect(tags).toEqual(['markdown', 'button', 'button', 'markdown']);
    expect(markdownFields(message)[0]).toMatch(/\n\n/);
    expect(markdownFields(message)[0]).not.toMatch(/[^\n]\n[^\n]/);
  });
});
