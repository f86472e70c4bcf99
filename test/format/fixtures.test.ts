import {
  MAX_MESSAGE_BYTES,
  messageBytes,
  type MsgType,
} from '../../lib/platforms/dingtalk/message';
import { formatMessage } from '../../lib/platforms/dingtalk/format';
import type { Locale } from '../../lib/settings/types';
import { fixtureNames } from '../helpers/fixtures';
import { parseFixture } from '../helpers/parse-fixture';
import { markdownLeaks, plainLeaks } from './leak-detector';
import { formatOptions, linksOf, textOf, titleOf } from './message-parts';

const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];
const LOCALES: Locale[] = ['zh-CN', 'en'];
const KEYWORD = '钉钉通知';

const cases = fixtureNames().flatMap((fixture) =>
  MSGTYPES.flatMap((msgtype) => LOCALES.map((locale) => ({ fixture, msgtype, locale }))),
);

describe('formatMessage over every real Gitee fixture', () => {
  it.each(cases)(
    '$fixture as $locale $msgtype keeps every invariant',
    ({ fixture, msgtype, locale }) => {
      const message = formatMessage(
        parseFixture(fixture),
        formatOptions({ msgtype, locale, keywords: [KEYWORD] }),
      );

      expect(message.msgtype).toBe(msgtype);
      expect(titleOf(message).trim()).not.toBe('');
      expect(titleOf(message)).toContain(KEYWORD);
      expect(textOf(message)).toContain(KEYWORD);
      expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      const links = linksOf(message);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(new URL(link).origin).toBe('https://gitee.com');
      const ours = [`[${KEYWORD}] `];
      const leaks =
        msgtype === 'text' ? plainLeaks(textOf(message)) : markdownLeaks(textOf(message), ours);
      expect(leaks).toEqual([]);
      expect(plainLeaks(titleOf(message), ours)).toEqual([]);
    },
  );

  it.each(fixtureNames().flatMap((fixture) => LOCALES.map((locale) => ({ fixture, locale }))))(
    '$fixture reads well as $locale markdown',
    ({ fixture, locale }) => {
      const message = formatMessage(parseFixture(fixture), formatOptions({ locale }));
      expect(
        message.msgtype === 'markdown' && `${message.markdown.title}\n\n${message.markdown.text}`,
      ).toMatchSnapshot();
    },
  );

  it('renders a pull request as an actionCard with a button for the pull request and one for its files', () => {
    const message = formatMessage(
      parseFixture('merge_request-open'),
      formatOptions({ msgtype: 'actionCard' }),
    );
    expect(message).toMatchSnapshot();
  });

  it('renders a push as plain text with the commit list and the compare link written out', () => {
    const message = formatMessage(
      parseFixture('push-commits-2020'),
      formatOptions({ msgtype: 'text' }),
    );
    expect(message).toMatchSnapshot();
  });
});

describe('leak detector used above', () => {
  it('flags raw markdown, HTML, foreign links and mentions it is meant to catch', () => {
    expect(markdownLeaks('#### ok\n\n**bold** [x](https://evil.example)')).not.toEqual([]);
    expect(markdownLeaks('#### ok\n\n<font color=red>x</font>')).not.toEqual([]);
    expect(markdownLeaks('#### ok\n\n> # heading')).not.toEqual([]);
    expect(markdownLeaks('#### ok\n\nping @13800000000')).not.toEqual([]);
    expect(plainLeaks('see https://evil.example and @13800000000')).toHaveLength(2);
  });

  it('accepts escaped text, Gitee links and the tokens the formatter was given', () => {
    const text = '#### \\*ok\\* \\[x\\]\n\n[api](https://gitee.com/acme/api)\n\n提醒：@13800000000';
    expect(markdownLeaks(text, ['@13800000000'])).toEqual([]);
  });
});
