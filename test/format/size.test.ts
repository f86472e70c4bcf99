import {
  MAX_MESSAGE_BYTES,
  messageBytes,
  type MsgType,
} from '../../lib/platforms/dingtalk/message';
import type { Payload } from './payloads/common';
import { format, textOf, titleOf } from './message-parts';
import { giteeUser, label, sha } from './payloads/common';
import { issuePayload } from './payloads/issue';
import { issueNote } from './payloads/note';
import { pullRequestPayload } from './payloads/pull-request';
import { commit, pushPayload } from './payloads/push';

const HUGE = '很长的正文内容，包含 **markdown** 与 emoji 😀。'.repeat(7000); // ~200 KB
const MAPPED = Object.fromEntries(
  Array.from({ length: 500 }, (_, index) => [
    `user${index}`,
    { userId: `u${index}`.padEnd(60, 'x') },
  ]),
);

const payloads: Record<string, Payload> = {
  'a 200 KB issue body': issuePayload({ body: HUGE }),
  'a 200 KB pull request body and title': pullRequestPayload({ body: HUGE, title: HUGE }),
  'a 200 KB comment mentioning 500 mapped people': issueNote({
    body: Array.from({ length: 500 }, (_, index) => `@user${index}`).join(' ') + HUGE,
  }),
  '50 commits with 6 KB Chinese messages': pushPayload({
    commits: Array.from({ length: 50 }, (_, index) =>
      commit({
        id: sha((index % 9) + 1).slice(0, 38) + String(index).padStart(2, '0'),
        message: '修复'.repeat(1000),
      }),
    ),
  }),
  'a 10,000-character branch name': pushPayload({ ref: `refs/heads/${'分'.repeat(10000)}` }),
  '1,000 labels and 1,000 reviewers': pullRequestPayload({
    labels: Array.from({ length: 1000 }, (_, index) => label(`标签${index}`)),
    reviewers: Array.from({ length: 1000 }, (_, index) => giteeUser(`r${index}`, `审查人${index}`)),
  }),
  'an issue title that is one 20,000-emoji cluster': issuePayload({
    title: `👨${'\u200D👨'.repeat(20000)}`,
  }),
};

const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];

describe('message size', () => {
  it.each(
    Object.entries(payloads).flatMap(([name, payload]) =>
      MSGTYPES.map((msgtype) => ({ name, payload, msgtype })),
    ),
  )('keeps $name under 20,000 bytes as $msgtype', ({ payload, msgtype }) => {
    const message = format(payload, {
      msgtype,
      maxCommits: 50,
      mentions: MAPPED,
      keywords: ['Gitee'],
    });
    expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(titleOf(message)).toContain('Gitee');
    expect(textOf(message)).toContain('Gitee');
  });

  it('shrinks the commit list before anything else and still says how many commits there are', () => {
    const text = textOf(
      format(payloads['50 commits with 6 KB Chinese messages'] as Payload, { maxCommits: 50 }),
    );
    const listed = text.match(/^- /gm)?.length ?? 0;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(50);
    expect(text).toContain(`…还有 ${50 - listed} 个提交`);
  });

  it('cuts a huge body to an excerpt of about 200 characters', () => {
    const text = textOf(format(payloads['a 200 KB issue body'] as Payload));
    const excerpt = text.split('\n\n').find((paragraph) => paragraph.startsWith('> ')) ?? '';
    expect(excerpt.length).toBeLessThan(300);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
