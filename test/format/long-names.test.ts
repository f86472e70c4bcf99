import {
  MAX_MESSAGE_BYTES,
  messageBytes,
  type MsgType,
} from '../../lib/platforms/dingtalk/message';
import { format, linksOf, textOf, titleOf } from './message-parts';
import { giteeUser, REPO_URL, sha, type Payload } from './payloads/common';
import { pullRequestPayload } from './payloads/pull-request';
import { pushPayload } from './payloads/push';

const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];
const ZERO = sha(0);

/** Branch and tag names Gitee would refuse but a body can say: ASCII, CJK (9 bytes in a URL). */
const NAMES: Record<string, string> = {
  'a 100 KB ASCII name': 'b'.repeat(100_000),
  'a 100 KB CJK name': '分'.repeat(100_000 / 3),
  'a 100 KB name of slashes': 'a/'.repeat(50_000),
};

function eventsNamed(name: string): Record<string, Payload> {
  return {
    'push of commits': pushPayload({ ref: `refs/heads/${name}` }),
    'branch created': pushPayload({
      ref: `refs/heads/${name}`,
      before: ZERO,
      created: true,
      commits: null,
    }),
    'branch deleted': pushPayload({
      ref: `refs/heads/${name}`,
      after: ZERO,
      deleted: true,
      commits: [],
    }),
    'tag created': pushPayload({
      ref: `refs/tags/${name}`,
      before: ZERO,
      hookName: 'tag_push_hooks',
    }),
    'tag deleted': pushPayload({
      ref: `refs/tags/${name}`,
      after: ZERO,
      hookName: 'tag_push_hooks',
    }),
    'pull request between two such branches': pullRequestPayload({ source: name, target: name }),
  };
}

function buttonsOf(message: ReturnType<typeof format>): number {
  if (message.msgtype !== 'actionCard') return 0;
  return message.actionCard.singleURL ? 1 : (message.actionCard.btns ?? []).length;
}

describe('over-long branch and tag names', () => {
  it.each(
    Object.entries(NAMES).flatMap(([nameKind, name]) =>
      Object.entries(eventsNamed(name)).flatMap(([event, payload]) =>
        MSGTYPES.map((msgtype) => ({ nameKind, event, payload, msgtype })),
      ),
    ),
  )(
    'keep a $event with $nameKind under 20,000 bytes as $msgtype, still linked',
    ({ payload, msgtype }) => {
      for (const linkMode of ['dingtalk', 'browser'] as const) {
        const message = format(payload, { msgtype, linkMode });
        expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
        expect(titleOf(message)).toContain('Gitee');
        expect(linksOf(message).length).toBeGreaterThan(0);
        for (const link of linksOf(message)) expect(link.startsWith(REPO_URL)).toBe(true);
        if (msgtype === 'actionCard') expect(buttonsOf(message)).toBeGreaterThan(0);
      }
    },
  );

  it('keeps twenty unmapped reviewers with names of giant characters under 20,000 bytes', () => {
    // 40 characters of a letter and 31 combining marks each: the most a cut name can hold.
    const giant = `a${'\u0301'.repeat(31)}`.repeat(40);
    const reviewers = Array.from({ length: 20 }, (_, index) => giteeUser(`r${index}`, giant));
    for (const msgtype of MSGTYPES) {
      const message = format(pullRequestPayload({ reviewers, testers: [] }), { msgtype });
      expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    }
  });
});

describe('lone surrogates in names', () => {
  it.each(MSGTYPES)('show a branch with a lone surrogate as U+FFFD, linked (%s)', (msgtype) => {
    const created = {
      ref: 'refs/heads/feature/\uD800x',
      before: ZERO,
      created: true,
      commits: null,
    };
    const message = format(pushPayload(created), { msgtype });
    expect(textOf(message)).toContain('feature/\uFFFDx');
    expect(linksOf(message)).toContain(`${REPO_URL}/tree/feature/%EF%BF%BDx`);
  });

  it('shows a tag and pull request branches with lone surrogates', () => {
    const tag = format(
      pushPayload({ ref: 'refs/tags/v1\uDC00', before: ZERO, hookName: 'tag_push_hooks' }),
    );
    expect(titleOf(tag)).toContain('v1\uFFFD');
    expect(linksOf(tag)).toContain(`${REPO_URL}/tree/v1%EF%BF%BD`);
    const pr = format(pullRequestPayload({ source: 'sso\uD83D', target: 'main' }));
    expect(textOf(pr)).toContain('sso\uFFFD');
    expect(linksOf(pr)).toContain(`${REPO_URL}/tree/sso%EF%BF%BD`);
  });
});
