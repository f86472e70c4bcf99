import { localeText } from '../../lib/view/locales/locale-text';
import type { Payload } from '../format/payloads/common';
import { issuePayload } from '../format/payloads/issue';
import { pullRequestPayload } from '../format/payloads/pull-request';
import { pushPayload } from '../format/payloads/push';
import {
  digestOptions,
  fixtureEntries,
  KEYWORD,
  LOCALES,
  payloadEntry,
  PLATFORM_MSGTYPES,
  renderShown,
} from './digest-cases';
import { primaryLink, readLine } from './digest-read';

const cases = PLATFORM_MSGTYPES.flatMap((one) => LOCALES.map((locale) => ({ ...one, locale })));

/** The same payload from another repository. */
function inRepository(payload: Payload, path: string): Payload {
  const project = {
    ...(payload.repository as Payload),
    name: path.split('/')[1],
    path: path.split('/')[1],
    full_name: path,
    path_with_namespace: path,
    html_url: `https://gitee.com/${path}`,
    url: `https://gitee.com/${path}`,
  };
  return { ...payload, repository: project, project };
}

/** What the title is on each platform: the keyword tagged where the platform checks one. */
function expectedTitle(platform: string, words: string): string {
  return platform === 'wecom' ? words : `[${KEYWORD}] ${words}`;
}

describe('a digest as a reader sees it', () => {
  it.each(cases)(
    '$platform $msgtype ($locale): titled by count and first repository, grouped per repository, in order',
    ({ platform, msgtype, locale }) => {
      const payloads = [
        pushPayload(),
        inRepository(pullRequestPayload(), 'acme/web'),
        issuePayload(),
        inRepository(issuePayload({ action: 'close' }), 'acme/web'),
        inRepository(pushPayload(), 'acme/cli'),
      ];
      const entries = payloads.map((payload) => payloadEntry(payload, locale));
      const shown = renderShown(
        platform,
        entries,
        digestOptions(platform, { msgtype, locale, pending: 5 }),
      );
      const t = localeText(locale);
      expect(shown.count).toBe(5);
      expect(shown.title).toBe(
        expectedTitle(
          platform,
          locale === 'en' ? '5 events in acme/api (+2 repos)' : 'acme/api 等 3 个仓库的 5 条动态',
        ),
      );
      // Repositories in the order their first event came, each event in its own order.
      const grouped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!, entries[4]!];
      expect(shown.lines).toHaveLength(5);
      shown.lines.forEach((line, index) => {
        expect(line).toContain(primaryLink(grouped[index]!));
      });
      const order = ['acme/api', 'acme/web', 'acme/cli'].map((name) => shown.body.indexOf(name));
      expect(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1]!))).toBe(
        true,
      );
      expect(shown.body).not.toContain(t.digest.more(1).slice(0, 4));
    },
  );

  it.each(cases)(
    '$platform $msgtype ($locale): each line shows the event as its single message heads it',
    ({ platform, msgtype, locale }) => {
      const entries = [
        payloadEntry(pullRequestPayload({ title: 'Add SSO login' }), locale),
        payloadEntry(issuePayload({ title: 'Login page blank' }), locale),
      ];
      const shown = renderShown(platform, entries, digestOptions(platform, { msgtype, locale }));
      const [pullRequest, issue] = shown.lines.map((line) => readLine(platform, msgtype, line));
      expect(pullRequest).toEqual({
        url: primaryLink(entries[0]!),
        label:
          locale === 'en'
            ? 'Alice 王 opened pull request !12 in api: Add SSO login'
            : 'Alice 王 在 api 创建了 PR !12：Add SSO login',
      });
      expect(issue).toEqual({
        url: primaryLink(entries[1]!),
        label:
          locale === 'en'
            ? 'Alice 王 opened issue #I4ABCD in api: Login page blank'
            : 'Alice 王 在 api 创建了 Issue #I4ABCD：Login page blank',
      });
    },
  );

  it.each(cases)(
    '$platform $msgtype ($locale): says how many more follow when the backlog is larger',
    ({ platform, msgtype, locale }) => {
      const entries = fixtureEntries(locale).slice(0, 4);
      const t = localeText(locale);
      const backlog = renderShown(
        platform,
        entries,
        digestOptions(platform, { msgtype, locale, pending: 11 }),
      );
      expect(backlog.count).toBe(4);
      expect(backlog.body).toContain(t.digest.more(7));
      expect(backlog.body).toContain(
        locale === 'en' ? '…and 7 more events follow' : '…还有 7 条动态',
      );
      const all = renderShown(
        platform,
        entries,
        digestOptions(platform, { msgtype, locale, pending: 4 }),
      );
      expect(all.body).not.toContain(t.digest.more(7));
      expect(all.body).not.toMatch(/…and \d|…还有 \d/);
    },
  );

  it.each(cases)(
    '$platform $msgtype ($locale): one event is a digest of one',
    ({ platform, msgtype, locale }) => {
      const shown = renderShown(
        platform,
        [payloadEntry(pushPayload(), locale)],
        digestOptions(platform, { msgtype, locale, pending: 1 }),
      );
      expect(shown.count).toBe(1);
      expect(shown.title).toBe(
        expectedTitle(platform, locale === 'en' ? '1 event in acme/api' : 'acme/api 的 1 条动态'),
      );
      expect(shown.lines).toHaveLength(1);
    },
  );

  it.each(cases)(
    "$platform $msgtype ($locale): a templated event's line is its title, shown as typed",
    ({ platform, msgtype, locale }) => {
      const title = 'Release **v1** <at id=all></at> [notes](https://evil.example) @所有人 #1';
      const entry = { ...payloadEntry(pushPayload(), locale), title };
      const shown = renderShown(platform, [entry], digestOptions(platform, { msgtype, locale }));
      expect(shown.lines).toHaveLength(1);
      expect(readLine(platform, msgtype, shown.lines[0]!)).toEqual({
        label: title,
        url: primaryLink(entry),
      });
    },
  );

  it('opens DingTalk markdown lines in the system browser for a robot with linkMode browser', () => {
    const entry = payloadEntry(pushPayload());
    const shown = renderShown(
      'dingtalk',
      [entry],
      digestOptions('dingtalk', { linkMode: 'browser', pending: 1 }),
    );
    expect(shown.lines).toEqual([
      expect.stringContaining(
        `](dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(primaryLink(entry))}&pc_slide=false)`,
      ),
    ]);
  });

  it.each(['dingtalk', 'feishu', 'wecom'] as const)(
    '%s gives a msgtype that slipped past validation its default digest',
    (platform) => {
      const shown = renderShown(
        platform,
        [payloadEntry(pushPayload())],
        digestOptions(platform, { msgtype: 'feedCard', pending: 1 }),
      );
      expect(shown.message).toMatchObject(
        platform === 'feishu' ? { msg_type: 'interactive' } : { msgtype: 'markdown' },
      );
      expect(shown.lines).toHaveLength(1);
    },
  );

  it('names events without a repository page under the locale’s words', () => {
    const entry = payloadEntry(pushPayload(), 'en');
    const lost = { ...entry, view: { ...entry.view, home: null } };
    const shown = renderShown('dingtalk', [lost], digestOptions('dingtalk', { pending: 1 }));
    expect(shown.title).toBe(`[${KEYWORD}] 1 event in Other events`);
    expect(shown.body).toContain('**Other events**');
  });
});
