import type { DigestEntry, PlatformName } from '../../lib/platforms/chat-platform';
import type { WecomMessage } from '../../lib/platforms/wecom/message';
import type { Locale } from '../../lib/settings/types';
import { localeText } from '../../lib/view/locales/locale-text';
import { giteeUser } from '../format/payloads/common';
import {
  markdownLeaks as dingtalkMarkdownLeaks,
  plainLeaks as dingtalkPlainLeaks,
} from '../format/leak-detector';
import { pullRequestPayload } from '../format/payloads/pull-request';
import {
  markdownLeaks as feishuMarkdownLeaks,
  plainLeaks as feishuPlainLeaks,
} from './feishu/feishu-leaks';
import { markdownFields, plainFields } from './feishu/feishu-parts';
import { leaksOf } from './wecom/wecom-parts';
import {
  digestOptions,
  KEYWORD,
  LOCALES,
  payloadEntry,
  PLATFORM_MSGTYPES,
  renderShown,
} from './digest-cases';
import { HOSTILE, hostileEntries } from './digest-hostile-cases';
import { addressesOf, readLine } from './digest-read';

const PENDING = 300;
const cases = PLATFORM_MSGTYPES.flatMap((one) => LOCALES.map((locale) => ({ ...one, locale })));

/** 200 hostile events, every seventh templated with a hostile title. */
function backlog(locale: Locale): DigestEntry[] {
  return hostileEntries(200, locale).map((entry, index) =>
    index % 7 === 3 ? { ...entry, title: `${index} ${HOSTILE}` } : entry,
  );
}

/** The repository headings we write in bold, unwrapped, so a detector sees only their text. */
function unbold(text: string): string {
  return text.replace(/^\*\*(.*)\*\*$/gm, '$1');
}

/** What user text smuggled into the digest, by the single-message detectors of each platform. */
function leaks(platform: PlatformName, msgtype: string, message: unknown): string[] {
  const ours = [`[${KEYWORD}] `];
  switch (platform) {
    case 'dingtalk': {
      const body = message as { msgtype: string; markdown?: { title: string; text: string } };
      if (body.msgtype === 'text') {
        return dingtalkPlainLeaks((message as { text: { content: string } }).text.content);
      }
      const markdown = body.markdown ?? { title: '', text: '' };
      return [
        ...dingtalkMarkdownLeaks(unbold(markdown.text), ours),
        ...dingtalkPlainLeaks(markdown.title, ours),
      ];
    }
    case 'feishu': {
      const card = message as Parameters<typeof markdownFields>[0];
      return [
        ...markdownFields(card).flatMap((field) => feishuMarkdownLeaks(unbold(field), ours)),
        ...plainFields(card).flatMap((field) => feishuPlainLeaks(field, ours)),
      ];
    }
    case 'wecom': {
      const shown = message as WecomMessage;
      const unbolded: WecomMessage =
        shown.msgtype === 'markdown'
          ? { msgtype: 'markdown', markdown: { content: unbold(shown.markdown.content) } }
          : shown.msgtype === 'markdown_v2'
            ? {
                msgtype: 'markdown_v2',
                markdown_v2: { content: unbold(shown.markdown_v2.content) },
              }
            : shown;
      return leaksOf(unbolded, localeText('en'));
    }
  }
}

/** What would notify someone: DingTalk's `at`, Feishu's `<at>` tags, WeCom's tokens and lists. */
function pings(platform: PlatformName, message: unknown): string[] {
  const json = JSON.stringify(message);
  const found = {
    dingtalk: /"at":|isAtAll/g,
    feishu: /<at[\s>]/g,
    wecom: /<@|mentioned_/g,
  }[platform];
  return json.match(found) ?? [];
}

describe('a digest of 200 long hostile events', () => {
  it.each(cases)(
    '$platform $msgtype ($locale): as many as fit, "N more follow", nothing smuggled',
    ({ platform, msgtype, locale }) => {
      const t = localeText(locale);
      const entries = backlog(locale);
      const options = digestOptions(platform, { msgtype, locale, pending: PENDING });
      const shown = renderShown(platform, entries, options);

      expect(shown.refused).toBeNull();
      expect(shown.count).toBeGreaterThanOrEqual(1);
      expect(shown.count).toBeLessThan(200);
      expect(shown.lines).toHaveLength(shown.count);
      expect(shown.title).toContain(
        locale === 'en' ? `${shown.count} events` : `${shown.count} 条动态`,
      );
      expect(shown.body).toContain(t.digest.more(PENDING - shown.count));
      if (platform !== 'wecom') {
        expect(shown.title).toContain(KEYWORD);
        expect(shown.body + JSON.stringify(shown.message)).toContain(KEYWORD);
      }

      expect(leaks(platform, msgtype, shown.message)).toEqual([]);
      for (const address of addressesOf(shown.message)) {
        expect(new URL(address).origin).toBe('https://gitee.com');
      }
      // Nobody is mapped and no route asked for everyone: nothing pings.
      expect(pings(platform, shown.message)).toEqual([]);
      // Every line still opens its event's page on Gitee.
      for (const line of shown.lines) {
        expect(readLine(platform, msgtype, line).url).toMatch(/^https:\/\/gitee\.com\//);
      }
    },
  );

  it.each(cases)(
    '$platform $msgtype ($locale): the first event alone too large is cut, never dropped',
    ({ platform, msgtype, locale }) => {
      // Twenty reviewers with long names, none mapped: each would be named in the mention line.
      const reviewers = Array.from({ length: 20 }, (_unused, index) =>
        giteeUser(`reviewer${index}`, `${'长'.repeat(60)}${index}`),
      );
      const title = `${HOSTILE} ${'标题'.repeat(400)}`;
      const entry = payloadEntry(pullRequestPayload({ title, reviewers }), locale);
      const shown = renderShown(
        platform,
        [entry, entry],
        digestOptions(platform, { msgtype, locale, pending: 2 }),
      );
      expect(shown.refused).toBeNull();
      expect(shown.count).toBeGreaterThanOrEqual(1);
      expect(shown.lines).toHaveLength(shown.count);
      expect(leaks(platform, msgtype, shown.message)).toEqual([]);
      const fullName = '长'.repeat(39);
      if (platform === 'wecom' && msgtype === 'text') {
        // 2,048 bytes cannot hold twenty 40-character names: the one event is shrunk to fit.
        expect(shown.count).toBe(1);
        expect(shown.body).not.toContain(fullName);
      } else {
        expect(shown.body).toContain(fullName);
      }
    },
  );
});
