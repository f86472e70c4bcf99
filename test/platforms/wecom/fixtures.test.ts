import { localeText } from '../../../lib/view/locales/locale-text';
import { WECOM_LIMITS, wecomLimitedContent } from '../../../lib/platforms/wecom/limits';
import { WECOM_MSGTYPES, type WecomMessage } from '../../../lib/platforms/wecom/message';
import type { Locale } from '../../../lib/settings/types';
import { fixtureNames } from '../../helpers/fixtures';
import { parseFixture } from '../../helpers/parse-fixture';
import { leaksOf, linksOf, renderDelivery, titleOf } from './wecom-parts';

const LOCALES: Locale[] = ['zh-CN', 'en'];
/** Everyone the fixtures name, mapped: kit101 by userid, the rest by mobile only. */
const MENTIONS = {
  kit101: { wecom: 'KitLee', mobile: '13800000000' },
  gy2006: { mobile: '13900000000' },
};

const cases = fixtureNames().flatMap((fixture) =>
  WECOM_MSGTYPES.flatMap((msgtype) => LOCALES.map((locale) => ({ fixture, msgtype, locale }))),
);

/** Bytes of the one field WeCom limits, against its limit (template cards have none). */
function withinLimit(message: WecomMessage): boolean {
  const limited = wecomLimitedContent({ ...message });
  return limited === null || (limited.bytes > 0 && limited.bytes <= limited.maxBytes);
}

describe('the WeCom platform over every real Gitee fixture', () => {
  it.each(cases)(
    '$fixture as $locale $msgtype keeps every invariant',
    ({ fixture, msgtype, locale }) => {
      const message = renderDelivery(parseFixture(fixture), {
        msgtype,
        locale,
        mentions: MENTIONS,
      });

      expect(message.msgtype).toBe(msgtype);
      expect(titleOf(message).trim()).not.toBe('');
      expect(withinLimit(message)).toBe(true);
      const links = linksOf(message);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(new URL(link).origin).toBe('https://gitee.com');
      const pinged = msgtype === 'markdown' ? ['KitLee'] : [];
      expect(leaksOf(message, localeText(locale), pinged)).toEqual([]);
    },
  );

  it.each(fixtureNames().flatMap((fixture) => LOCALES.map((locale) => ({ fixture, locale }))))(
    '$fixture as a $locale template card keeps its fields within what WeCom takes',
    ({ fixture, locale }) => {
      const message = renderDelivery(parseFixture(fixture), { msgtype: 'template_card', locale });
      if (message.msgtype !== 'template_card') throw new Error(message.msgtype);
      const card = message.template_card;
      const { maxHorizontalItems, maxJumpItems } = WECOM_LIMITS.templateCard;
      expect(card.card_type).toBe('text_notice');
      expect(card.source.desc).toBe('Gitee');
      expect(card.card_action.url).toMatch(/^https:\/\/gitee\.com\//);
      expect(card.jump_list?.[0]?.url).toBe(card.card_action.url);
      expect((card.horizontal_content_list ?? []).length).toBeLessThanOrEqual(maxHorizontalItems);
      expect((card.jump_list ?? []).length).toBeLessThanOrEqual(maxJumpItems);
      for (const item of card.horizontal_content_list ?? []) expect(item.keyname).not.toBe('');
    },
  );
});
