import type { ParsedDelivery } from '../../lib/gitee/event';
import type { RenderOptions } from '../../lib/platforms/chat-platform';
import { formatMessage } from '../../lib/platforms/dingtalk/format';
import { feishu } from '../../lib/platforms/feishu';
import { wecom } from '../../lib/platforms/wecom';
import { describeEvent } from '../../lib/view/describe-event';
import { MAX, type EventView, type Span } from '../../lib/view/event-view';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { localeText } from '../../lib/view/locales/locale-text';
import { loadFixture } from '../helpers/fixtures';
import { parseFixture, parsePayload } from '../helpers/parse-fixture';
import { formatOptions } from '../format/message-parts';
import { project, type Payload } from '../format/payloads/common';
import { issuePayload } from '../format/payloads/issue';
import { issueNote } from '../format/payloads/note';
import { pullRequestPayload } from '../format/payloads/pull-request';
import { pushPayload } from '../format/payloads/push';

function viewOf(delivery: ParsedDelivery): EventView {
  const repository = onGiteeHost(delivery.repository, ['gitee.com']);
  return describeEvent({ ...delivery, repository }, { t: localeText('en'), timezone: 'UTC' });
}

function plain(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      switch (span.kind) {
        case 'word':
        case 'user':
          return span.text;
        case 'person':
          return span.person.name;
        case 'link':
          return plain(span.label);
      }
    })
    .join('');
}

/** What a reader sees: the repository as the headline names it, and its link's text. */
function naming(view: EventView): { headline: string; link: string } {
  const [first] = view.context;
  if (first?.kind !== 'link') throw new Error('the context starts with no link');
  return { headline: plain(view.headline), link: plain(first.label) };
}

/** The hand-built payloads' repository (acme/api) with its Gitee fields overridden. */
function withRepository(payload: Payload, fields: Payload): Payload {
  const repository = { ...project(), ...fields };
  return { ...payload, repository, project: repository };
}

const CHINESE = { name: '支付网关' };

describe('the repository named as its people know it, on real captures', () => {
  // Set C's capture: name/path say private_repo while the URL path is repo_group/repo_name.
  it.each(['push-commits-2025-anonymized', 'merge_request-open-2025-anonymized'])(
    '%s: the headline says the name, the link shows namespace/path',
    (fixture) => {
      const shown = naming(viewOf(parseFixture(fixture)));
      expect(shown.headline).toContain(' in private_repo');
      expect(shown.headline).not.toContain('repo_name');
      expect(shown.link).toBe('repo_group/repo_name');
    },
  );

  // name = path in sets A and B; B's name_with_namespace (yang.guo/flow-test) is not used.
  it.each([
    ['push-commits', 'drone-yml-test', 'kit101/drone-yml-test'],
    ['note-pull_request', 'drone-yml-test', 'kit101/drone-yml-test'],
    ['push-commits-2020', 'flow-test', 'gy2006/flow-test'],
    ['tag_push-create-2020', 'flow-test', 'gy2006/flow-test'],
  ])('%s, whose name is its path, reads as before: %s, %s', (fixture, name, path) => {
    const shown = naming(viewOf(parseFixture(fixture)));
    expect(shown.headline).toContain(` ${name}`);
    expect(shown.link).toBe(path);
  });

  it("names the Test ping by its hook's repository, never by the canned sample's name", () => {
    const body = loadFixture('ping-push_hooks');
    const canned = { ...(body.repository as Payload), name: '码云示例' };
    const ping = parsePayload({ ...body, repository: canned, project: canned });
    const shown = naming(viewOf(ping));
    expect(shown.headline).toContain('flow-test');
    expect(shown.headline).not.toContain('码云示例');
    expect(shown.link).toBe('gy2006/flow-test');
  });
});

describe('the repository named as its people know it, on every event', () => {
  it.each([
    ['a push', pushPayload()],
    ['a branch created', pushPayload({ created: true, before: '0'.repeat(40), commits: null })],
    ['a tag', pushPayload({ hookName: 'tag_push_hooks', ref: 'refs/tags/v1.0', commits: null })],
    ['an issue', issuePayload()],
    ['a pull request', pullRequestPayload({ action: 'merge' })],
    ['a comment', issueNote()],
    ['a push no describer can read (generic)', { ...pushPayload(), ref: null }],
  ])('%s: the headline says 支付网关, the link acme/api', (_, payload) => {
    const shown = naming(viewOf(parsePayload(withRepository(payload, CHINESE))));
    expect(shown.headline).toContain('支付网关');
    expect(shown.headline).not.toMatch(/\bapi\b/);
    expect(shown.link).toBe('acme/api');
  });

  it('shows namespace/path in the link even when full_name is a display name too', () => {
    const fields = { name: '支付网关', full_name: 'ACME 公司/支付网关' };
    const shown = naming(viewOf(parsePayload(withRepository(pushPayload(), fields))));
    expect(shown.link).toBe('acme/api');
  });

  it('treats a name that differs only by case as the path: nothing changes', () => {
    const fields = { name: 'API', full_name: 'ACME/API' };
    const shown = naming(viewOf(parsePayload(withRepository(pushPayload(), fields))));
    expect(shown.headline).toContain(' in API');
    expect(shown.link).toBe('ACME/API');
  });

  it.each([
    ['blank', '  '],
    ['not a string', 7],
    ['null', null],
  ])('ignores a name that is %s', (_, name) => {
    const shown = naming(viewOf(parsePayload(withRepository(pushPayload(), { name }))));
    expect(shown.headline).toContain(' in api');
    expect(shown.link).toBe('acme/api');
  });

  it('trims the name and keeps it user text, cut where refs are (MAX.ref)', () => {
    const fields = { name: `  ${'网'.repeat(80)}  ` };
    const view = viewOf(parsePayload(withRepository(pushPayload(), fields)));
    expect(view.headline).toContainEqual({ kind: 'user', text: '网'.repeat(80), max: MAX.ref });
  });
});

describe('the repository naming on every platform', () => {
  const delivery = () => parsePayload(withRepository(pushPayload(), CHINESE));
  const options = (msgtype: string): RenderOptions => ({
    msgtype,
    t: localeText('zh-CN'),
    keywords: [],
    mentions: {},
    atAll: false,
    maxCommits: 5,
    linkMode: 'dingtalk',
  });
  const zhView = () => {
    const parsed = delivery();
    const repository = onGiteeHost(parsed.repository, ['gitee.com']);
    return describeEvent(
      { ...parsed, repository },
      { t: localeText('zh-CN'), timezone: 'Asia/Shanghai' },
    );
  };

  it.each(['markdown', 'actionCard', 'text'] as const)('dingtalk %s', (msgtype) => {
    const sent = JSON.stringify(formatMessage(delivery(), formatOptions({ msgtype })));
    expect(sent).toContain('推送了 1 个提交到 支付网关 的 main 分支');
    expect(sent).toContain('acme/api');
  });

  it.each([
    ...feishu.msgtypes.map((msgtype) => ({ platform: feishu, msgtype })),
    ...wecom.msgtypes.map((msgtype) => ({ platform: wecom, msgtype })),
  ])('$platform.name $msgtype', ({ platform, msgtype }) => {
    const message: unknown = platform.render(zhView(), options(msgtype));
    const sent = JSON.stringify(message);
    expect(sent).toContain('推送了 1 个提交到 支付网关 的 main 分支');
    expect(sent).toContain('acme/api');
  });
});
