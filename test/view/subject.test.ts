import type { ParsedDelivery } from '../../lib/gitee/event';
import { describeEvent } from '../../lib/view/describe-event';
import type { EventView, Subject } from '../../lib/view/event-view';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { homeLinks } from '../../lib/view/home-links';
import { localeText } from '../../lib/view/locales/locale-text';
import { subjectKind } from '../../lib/view/subject';
import type { Locale } from '../../lib/settings/types';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';
import { project } from '../format/payloads/common';
import { issuePayload } from '../format/payloads/issue';
import { pullRequestPayload } from '../format/payloads/pull-request';
import { pushPayload } from '../format/payloads/push';

function viewOf(delivery: ParsedDelivery, locale: Locale = 'zh-CN', hosts = ['gitee.com']) {
  const repository = onGiteeHost(delivery.repository, hosts);
  return describeEvent(
    { ...delivery, repository },
    { t: localeText(locale), timezone: 'Asia/Shanghai' },
  );
}

/**
 * What each real capture is about, from SOURCES.md and the protocol notes: Gitee's `action`
 * (issue state_change stays so for the state `progressing`), a push's created/deleted flags,
 * the Test ping, and the IM-robot body that carries no ref and so gets the generic view.
 */
const SUBJECTS: Readonly<Record<string, Subject>> = {
  'im_wecom-push-markdown': { event: 'generic', action: 'push.push' },
  'issue-assign': { event: 'issue', action: 'assign' },
  'issue-delete': { event: 'issue', action: 'delete' },
  'issue-open': { event: 'issue', action: 'open' },
  'issue-state_change': { event: 'issue', action: 'state_change' },
  'merge_request-close': { event: 'pull_request', action: 'close' },
  'merge_request-merge-2020': { event: 'pull_request', action: 'merge' },
  'merge_request-merge': { event: 'pull_request', action: 'merge' },
  'merge_request-open-2020': { event: 'pull_request', action: 'open' },
  'merge_request-open-2025-anonymized': { event: 'pull_request', action: 'open' },
  'merge_request-open': { event: 'pull_request', action: 'open' },
  'merge_request-update-label_added': { event: 'pull_request', action: 'update' },
  'merge_request-update-label_removed': { event: 'pull_request', action: 'update' },
  'merge_request-update-source_branch_changed': { event: 'pull_request', action: 'update' },
  'note-issue': { event: 'comment', action: 'comment' },
  'note-pull_request': { event: 'comment', action: 'comment' },
  'ping-push_hooks': { event: 'ping', action: 'ping' },
  'push-branch-create': { event: 'push', action: 'create' },
  'push-branch-delete': { event: 'push', action: 'delete' },
  'push-commits-2020': { event: 'push', action: 'push' },
  'push-commits-2025-anonymized': { event: 'push', action: 'push' },
  'push-commits': { event: 'push', action: 'push' },
  'tag_push-create-2020': { event: 'tag_push', action: 'create' },
  'tag_push-create': { event: 'tag_push', action: 'create' },
  'tag_push-delete': { event: 'tag_push', action: 'delete' },
};

/** The repository page each capture is from: its `html_url`, or for the ping its hook's own. */
function expectedHome(fixture: string): string {
  const body = loadFixture(fixture);
  if (fixture.startsWith('ping-') || body.repository === undefined) {
    return String(body.hook_url).replace(/\/hooks\/.*$/, '');
  }
  return String((body.repository as { html_url: string }).html_url);
}

const LOCALES: Locale[] = ['zh-CN', 'en'];
const cases = fixtureNames().flatMap((fixture) => LOCALES.map((locale) => ({ fixture, locale })));

describe('the view says what it is about', () => {
  it('knows every fixture', () => {
    expect(fixtureNames()).toEqual(Object.keys(SUBJECTS).sort());
  });

  it.each(cases)('$fixture ($locale): subject and home page', ({ fixture, locale }) => {
    const view = viewOf(parseFixture(fixture), locale);
    expect(view.subject).toEqual(SUBJECTS[fixture]);
    expect(view.home).toEqual({
      label: localeText(locale).links.repository,
      url: expectedHome(fixture),
    });
  });

  it.each(cases)('$fixture ($locale): the view is plain JSON', ({ fixture, locale }) => {
    const view = viewOf(parseFixture(fixture), locale);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('names the parser refined action: a state_change to closed is issue.close', () => {
    const view = viewOf(parsePayload(issuePayload({ action: 'state_change', state: 'closed' })));
    expect(view.subject).toEqual({ event: 'issue', action: 'close' });
  });

  it('keeps an action no describer has a headline for, as Gitee sent it', () => {
    const view = viewOf(parsePayload(pullRequestPayload({ action: 'untest' })));
    expect(view.subject).toEqual({ event: 'pull_request', action: 'untest' });
  });

  it('marks the generic view of a tag push without a ref, with the delivery routing name', () => {
    const view = viewOf(
      parsePayload({ ...pushPayload({ hookName: 'tag_push_hooks' }), ref: null }),
    );
    expect(view.subject).toEqual({ event: 'generic', action: 'tag_push.create' });
    expect(subjectKind(view.subject)).toBe('tag_push');
  });
});

describe('subjectKind', () => {
  it('is the event, the kind a generic action names, or null', () => {
    expect(subjectKind({ event: 'comment', action: 'deleted' })).toBe('comment');
    expect(subjectKind({ event: 'generic', action: 'pull_request.unknown' })).toBe('pull_request');
    expect(subjectKind({ event: 'generic', action: 'wiki.edit' })).toBeNull();
    expect(subjectKind({ event: 'generic', action: '' })).toBeNull();
    expect(subjectKind({ event: 'ping', action: 'ping' })).toBeNull();
  });
});

describe('the home page', () => {
  it('is on an allowed Gitee host even when the payload names another', () => {
    const repository = { ...project(), html_url: 'https://evil.example/acme/api' };
    const view = viewOf(parsePayload({ ...pushPayload(), repository }));
    expect(view.home?.url).toBe('https://gitee.com/acme/api');
  });

  it('keeps an enterprise Gitee address when that host is allowed', () => {
    const url = 'https://git.corp.example/acme/api';
    const repository = { ...project(), html_url: url };
    const view = viewOf(parsePayload({ ...pushPayload(), repository }), 'en', [
      'gitee.com',
      'git.corp.example',
    ]);
    expect(view.home).toEqual({ label: 'View repository', url });
    expect(homeLinks(view, localeText('en'))).toEqual([
      { label: 'View repository', url },
      { label: 'Open Gitee', url: 'https://git.corp.example' },
    ]);
  });

  it('leaves the fallback to the origin of the first link when a view has no home', () => {
    const view: EventView = { ...viewOf(parseFixture('push-commits'), 'en'), home: null };
    expect(homeLinks(view, localeText('en'))).toEqual([
      { label: 'Open Gitee', url: 'https://gitee.com' },
    ]);
  });
});
