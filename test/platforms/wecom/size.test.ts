import { fitWithin } from '../../../lib/platforms/wecom/fit';
import { cutUtf8, squeezeWecom } from '../../../lib/platforms/wecom/squeeze';
import { WECOM_MSGTYPES, type WecomMessage } from '../../../lib/platforms/wecom/message';
import { wecom } from '../../../lib/platforms/wecom';
import type { Payload } from '../../format/payloads/common';
import { giteeUser, sha } from '../../format/payloads/common';
import { issuePayload } from '../../format/payloads/issue';
import { issueNote } from '../../format/payloads/note';
import { pullRequestPayload } from '../../format/payloads/pull-request';
import { commit, pushPayload } from '../../format/payloads/push';
import { contentOf, linksOf, renderPayload, titleOf } from './wecom-parts';

/** The one field WeCom limits and its limit, by msgtype (§2.5). */
const LIMIT: Record<string, number> = { markdown: 4096, markdown_v2: 4096, text: 2048 };

const LONG_CHINESE = '修复登录页在 Safari 上白屏的问题，并补充了相关的单元测试与文档说明。'.repeat(
  20,
);
const fortyCommits = pushPayload({
  commits: Array.from({ length: 40 }, (_, index) =>
    commit({
      id: sha((index % 9) + 1).slice(0, 38) + String(index).padStart(2, '0'),
      message: `${index + 1} 号提交：${LONG_CHINESE}`,
      author: { name: `开发者${index}`, username: `dev${index}` },
    }),
  ),
});
const HUGE = '很长的正文内容，包含 **markdown** 与 emoji 😀。'.repeat(7000); // ~200 KB
const MAPPED = Object.fromEntries(
  Array.from({ length: 500 }, (_, index) => [`r${index}`, { wecom: `u${index}`.padEnd(64, 'x') }]),
);

const payloads: Record<string, Payload> = {
  '40 commits with long Chinese messages': fortyCommits,
  'a 100 KB branch name': pushPayload({ ref: `refs/heads/${'分'.repeat(100_000)}` }),
  'a 100 KB ASCII branch name': pushPayload({ ref: `refs/heads/${'b'.repeat(100_000)}` }),
  'a 200 KB issue body and title': issuePayload({ body: HUGE, title: HUGE }),
  'a 200 KB pull request body with 500 mapped reviewers': pullRequestPayload({
    body: HUGE,
    reviewers: Array.from({ length: 500 }, (_, index) => giteeUser(`r${index}`, `审查人${index}`)),
  }),
  'a comment mentioning 500 mapped people': issueNote({
    body: Array.from({ length: 500 }, (_, index) => `@r${index}`).join(' ') + HUGE,
  }),
  'an issue title that is one 20,000-emoji cluster': issuePayload({
    title: `👨${'\u200D👨'.repeat(20000)}`,
  }),
};

describe('WeCom message size', () => {
  it.each(
    Object.entries(payloads).flatMap(([name, payload]) =>
      WECOM_MSGTYPES.map((msgtype) => ({ name, payload, msgtype })),
    ),
  )(
    'keeps $name within the limit as $msgtype, with a title and Gitee links',
    ({ payload, msgtype }) => {
      const message = renderPayload(payload, { msgtype, maxCommits: 50, mentions: MAPPED });
      const limit = LIMIT[msgtype];
      if (limit !== undefined) {
        expect(Buffer.byteLength(contentOf(message), 'utf8')).toBeLessThanOrEqual(limit);
      }
      expect(wecom.refuse(message)).toBeNull();
      expect(titleOf(message).trim()).not.toBe('');
      const links = linksOf(message);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(new URL(link).host).toBe('gitee.com');
    },
  );

  it.each(['markdown', 'markdown_v2', 'text'])(
    'fits 40 long Chinese commits as %s by listing fewer and saying how many more',
    (msgtype) => {
      const content = contentOf(renderPayload(fortyCommits, { msgtype, maxCommits: 40 }));
      const listed = content.match(/号提交：/g)?.length ?? 0;
      expect(listed).toBeGreaterThan(0);
      expect(listed).toBeLessThan(40);
      expect(content).toContain(`…还有 ${40 - listed} 个提交`);
      // The list is the longest that fits: one more commit would not.
      const next = contentOf(renderPayload(fortyCommits, { msgtype, maxCommits: listed + 1 }));
      expect(next.match(/号提交：/g)?.length ?? 0).toBe(listed);
    },
  );

  it('lists every commit it has room for when maxCommits allows them', () => {
    const content = contentOf(renderPayload(fortyCommits, { maxCommits: 2 }));
    expect(content.match(/号提交：/g)).toHaveLength(2);
    expect(content).toContain('…还有 38 个提交');
  });

  it('links a new branch whose name makes its page address too long to the repository', () => {
    // 1,000 CJK characters are 9,000 bytes percent-encoded: an address, but not one that fits.
    const created = pushPayload({
      ref: `refs/heads/${'分'.repeat(1000)}`,
      before: sha(0),
      created: true,
      commits: null,
    });
    const content = contentOf(renderPayload(created));
    expect(content).toContain('[查看仓库](https://gitee.com/acme/api)');
  });

  it('cuts a huge body to an excerpt of about 200 characters', () => {
    const content = contentOf(renderPayload(issuePayload({ body: HUGE })));
    const excerpt = content.split('\n').find((line) => line.startsWith('> ')) ?? '';
    expect(Array.from(excerpt).length).toBeLessThan(210);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('fitWithin', () => {
  it('cuts what even the last resort cannot make small enough, and never fails', () => {
    const render = (): WecomMessage => ({ msgtype: 'text', text: { content: '推'.repeat(5000) } });
    const fits = (message: WecomMessage) => Buffer.byteLength(contentOf(message)) <= 2048;
    const message = fitWithin(render, fits, squeezeWecom, 5);
    expect(Buffer.byteLength(contentOf(message))).toBeLessThanOrEqual(2048);
    expect(contentOf(message).endsWith('推…')).toBe(true);
  });
});

describe('cutUtf8', () => {
  it.each([
    // 1,364 whole characters (4,092 bytes) and the 3-byte "…".
    ['推'.repeat(2000), 4096, 4095],
    ['a🚀🚀', 7, 4],
    ['abc', 3, 3],
  ])('cuts %#: never inside a character, "…" included', (text, maxBytes, bytes) => {
    const cut = cutUtf8(text, maxBytes);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(maxBytes);
    expect(Buffer.byteLength(cut)).toBe(bytes);
    expect(cut).not.toContain('\uFFFD');
  });

  it('leaves text that fits alone', () => {
    expect(cutUtf8('推送', 6)).toBe('推送');
  });
});
