import { dingtalk } from '../../lib/platforms/dingtalk';
import { feishu } from '../../lib/platforms/feishu';
import { wecom } from '../../lib/platforms/wecom';
import type { DigestEntry } from '../../lib/platforms/chat-platform';
import type { Locale } from '../../lib/settings/types';
import { giteeUser } from '../format/payloads/common';
import { issuePayload } from '../format/payloads/issue';
import { issueNote } from '../format/payloads/note';
import { pullRequestPayload } from '../format/payloads/pull-request';
import {
  dingtalkShown,
  digestOptions,
  feishuShown,
  LOCALES,
  payloadEntry,
  wecomShown,
} from './digest-cases';

/** Who is who on each platform: carol and frank everywhere, dave on DingTalk only, gina by mobile. */
const MENTIONS = {
  carol: { mobile: '13800000003', feishu: 'ou_carol', wecom: 'carol.w' },
  dave: { userId: 'dave-dt' },
  frank: { mobile: '13800000006', feishu: 'ou_frank', wecom: 'frank.w' },
  gina: { mobile: '13800000007' },
};

/**
 * A pull request for carol and dave to review, erin assigned an issue, a comment on carol's
 * issue asking @frank, gina assigned another, carol asked to review again: five events, six
 * people, carol three times. Erin and gina are named by their own lines ("… to Erin"), so
 * the mention line names them no second time; frank is pinged only where he is mapped,
 * since "@frank" in a comment is the comment's own text.
 */
function entries(locale: Locale, atAll: boolean): DigestEntry[] {
  const carol = giteeUser('carol', 'Carol');
  return [
    payloadEntry(
      pullRequestPayload({ reviewers: [carol], testers: [giteeUser('dave', 'Dave')] }),
      locale,
    ),
    payloadEntry(issuePayload({ action: 'assign', assignee: giteeUser('erin', 'Erin') }), locale),
    payloadEntry(issueNote({ body: '@frank please have a look' }), locale, atAll),
    payloadEntry(issuePayload({ action: 'assign', assignee: giteeUser('gina', 'Gina') }), locale),
    payloadEntry(pullRequestPayload({ action: 'assign', reviewers: [carol] }), locale),
  ];
}

function options(platform: 'dingtalk' | 'feishu' | 'wecom', msgtype: string, locale: Locale) {
  return digestOptions(platform, { msgtype, locale, mentions: MENTIONS, pending: 5 });
}

const cc = (locale: Locale) => (locale === 'en' ? 'cc: ' : '提醒：');
const both = LOCALES.flatMap((locale) => [false, true].map((atAll) => ({ locale, atAll })));

describe('the mentions of a digest: the union of its events’, each person once', () => {
  it.each(both)(
    'DingTalk markdown ($locale, atAll $atAll): at fields and their tokens',
    ({ locale, atAll }) => {
      for (const msgtype of ['markdown', 'actionCard']) {
        const { message } = dingtalk.renderDigest(
          entries(locale, atAll),
          options('dingtalk', msgtype, locale),
        );
        expect(message.at).toEqual({
          atMobiles: ['13800000003', '13800000007', '13800000006'],
          atUserIds: ['dave-dt'],
          ...(atAll ? { isAtAll: true } : {}),
        });
        const { body } = dingtalkShown(message);
        // Erin has no DingTalk identity, but her line already names her.
        expect(body.split('\n\n').at(-1)).toBe(
          `${cc(locale)}@13800000003 @13800000007 @13800000006 @dave-dt`,
        );
      }
    },
  );

  it.each(both)(
    'DingTalk text ($locale, atAll $atAll): at fields; DingTalk writes the names',
    ({ locale, atAll }) => {
      const { message } = dingtalk.renderDigest(
        entries(locale, atAll),
        options('dingtalk', 'text', locale),
      );
      expect(message.at).toEqual({
        atMobiles: ['13800000003', '13800000007', '13800000006'],
        atUserIds: ['dave-dt'],
        ...(atAll ? { isAtAll: true } : {}),
      });
      expect(dingtalkShown(message).body).not.toContain(cc(locale));
      expect(dingtalkShown(message).body).not.toMatch(/@1380|@dave/);
    },
  );

  it.each(both)(
    'Feishu ($locale, atAll $atAll): <at id> tokens, the rest named',
    ({ locale, atAll }) => {
      for (const msgtype of feishu.msgtypes) {
        const { message } = feishu.renderDigest(
          entries(locale, atAll),
          options('feishu', msgtype, locale),
        );
        const everyone = atAll ? '<at id=all></at> ' : '';
        expect(feishuShown(message).body.split('\n').at(-1)).toBe(
          `${cc(locale)}${everyone}<at id=ou_carol></at> <at id=ou_frank></at> Dave`,
        );
      }
    },
  );

  it.each(both)(
    'WeCom markdown ($locale, atAll $atAll): <@userid> tokens, the rest named',
    ({ locale, atAll }) => {
      for (const msgtype of ['markdown', 'template_card']) {
        const { message } = wecom.renderDigest(
          entries(locale, atAll),
          options('wecom', msgtype, locale),
        );
        // WeCom markdown has no @all (feishu-wecom-robot-api.md §2.4).
        expect(wecomShown(message).body.split('\n').at(-1)).toBe(
          `<font color="comment">${cc(locale)}</font><@carol.w> <@frank.w> Dave`,
        );
      }
    },
  );

  it.each(both)(
    'WeCom text ($locale, atAll $atAll): mentioned lists by userid and mobile',
    ({ locale, atAll }) => {
      const { message } = wecom.renderDigest(
        entries(locale, atAll),
        options('wecom', 'text', locale),
      );
      expect(message).toMatchObject({
        msgtype: 'text',
        text: {
          mentioned_list: ['carol.w', 'frank.w', ...(atAll ? ['@all'] : [])],
          mentioned_mobile_list: ['13800000007'],
        },
      });
      expect(wecomShown(message).body.split('\n').at(-1)).toBe(`${cc(locale)}Dave`);
    },
  );

  it.each(both)(
    'WeCom markdown_v2 ($locale, atAll $atAll): pings nobody, names everyone',
    ({ locale, atAll }) => {
      const { message } = wecom.renderDigest(
        entries(locale, atAll),
        options('wecom', 'markdown_v2', locale),
      );
      expect(wecomShown(message).body.split('\n\n').at(-1)).toBe(`${cc(locale)}Carol Dave`);
      expect(JSON.stringify(message)).not.toMatch(/<@|@all|mentioned/);
    },
  );

  it('pings only the people of the events that made it in', () => {
    const filler = Array.from({ length: 60 }, (_unused, index) =>
      payloadEntry(issuePayload({ title: `Login page blank, case ${index} of many` })),
    );
    const late = payloadEntry(
      issuePayload({ action: 'assign', assignee: giteeUser('frank', 'Frank') }),
      'en',
      true,
    );
    const { message, count } = wecom.renderDigest(
      [...filler, late],
      options('wecom', 'text', 'en'),
    );
    expect(count).toBeLessThan(61);
    expect(JSON.stringify(message)).not.toMatch(/frank|@all/);
    const ding = dingtalk.renderDigest(
      [...filler.slice(0, 2), late],
      options('dingtalk', 'markdown', 'en'),
    );
    expect(ding.count).toBe(3);
    expect(ding.message.at).toEqual({ atMobiles: ['13800000006'], isAtAll: true });
  });
});
