import type { MentionTarget } from '../../lib/settings/types';
import { format, textOf } from './message-parts';
import { giteeUser, type Payload } from './payloads/common';
import { issuePayload } from './payloads/issue';
import { issueNote, pullRequestNote } from './payloads/note';
import { pullRequestPayload } from './payloads/pull-request';
import { pushPayload } from './payloads/push';

/** Bob and Carol by phone, Dave by userId, Erin shares Carol's phone; Zoe is not mapped. */
const directory: Record<string, MentionTarget> = {
  bob: { mobile: '13800000001' },
  Carol: { mobile: '13800000002' },
  dave: { userId: 'dave_88' },
  erin: { mobile: '13800000002' },
};

const withIssueAuthor = (payload: Payload, author: Payload): Payload => ({
  ...payload,
  issue: { ...(payload.issue as Payload), user: author },
});

type Case = [string, Payload, string[], string[]];

const cases: Case[] = [
  [
    'an issue opened with an assignee pings the assignee',
    issuePayload({ assignee: giteeUser('bob') }),
    ['13800000001'],
    [],
  ],
  [
    'an issue assigned pings the new assignee',
    issuePayload({ action: 'assign', assignee: giteeUser('carol') }),
    ['13800000002'],
    [],
  ],
  [
    'an issue closed pings nobody',
    issuePayload({ action: 'state_change', state: 'closed', assignee: giteeUser('bob') }),
    [],
    [],
  ],
  [
    'a pull request opened pings reviewers and testers',
    pullRequestPayload(),
    ['13800000002'],
    ['dave_88'],
  ],
  [
    'new commits on a pull request ping its reviewers',
    pullRequestPayload({ action: 'update', actionDesc: 'source_branch_changed' }),
    ['13800000002'],
    [],
  ],
  [
    'a merged pull request pings its author',
    pullRequestPayload({ action: 'merge' }),
    ['13800000001'],
    [],
  ],
  [
    'a pull request closed without merging pings its author',
    pullRequestPayload({ action: 'close' }),
    ['13800000001'],
    [],
  ],
  [
    'a label change pings nobody',
    pullRequestPayload({ action: 'update', actionDesc: 'update_label' }),
    [],
    [],
  ],
  [
    'a comment pings the issue author and everyone it @mentions',
    issueNote({ body: 'Thanks @bob, and @dave see this' }),
    ['13800000002', '13800000001'],
    ['dave_88'],
  ],
  ['a pull request comment pings the pull request author', pullRequestNote(), ['13800000001'], []],
  ['a push pings nobody', pushPayload(), [], []],
  [
    'nobody is pinged about their own merge',
    pullRequestPayload({ action: 'merge', author: giteeUser('alice') }),
    [],
    [],
  ],
  [
    'two logins with one phone are pinged once',
    issueNote({ body: '@erin @Carol @carol' }),
    ['13800000002'],
    [],
  ],
];

describe('mentions', () => {
  it.each(cases)('%s', (_name, payload, mobiles, userIds) => {
    const message = format(payload, { mentions: directory });
    const text = textOf(message);
    expect(message.at?.atMobiles ?? []).toEqual(mobiles);
    expect(message.at?.atUserIds ?? []).toEqual(userIds);
    for (const id of [...mobiles, ...userIds]) {
      expect(text.split(`@${id}`)).toHaveLength(2);
    }
    if (mobiles.length + userIds.length === 0) expect(message.at).toBeUndefined();
  });

  it('puts mapped people in the mention line and names an unmapped one the event concerns', () => {
    const note = withIssueAuthor(issueNote({ body: 'ping @bob' }), giteeUser('zoe', 'Zoe'));
    const text = textOf(format(note, { mentions: directory }));
    expect(text).toMatch(/\n\n提醒：@13800000001 Zoe$/);
  });

  it('leaves an unmapped @word of a comment to the quoted text ("@Override" is no person)', () => {
    const text = textOf(format(issueNote({ body: 'add @Override here' }), { mentions: directory }));
    expect(text).toMatch(/\n\n提醒：@13800000002$/);
  });

  it('does not repeat an unmapped reviewer the message already names', () => {
    const payload = pullRequestPayload({ reviewers: [giteeUser('zoe', 'Zoe')], testers: [] });
    const message = format(payload, { mentions: directory });
    expect(textOf(message)).toContain('审查人员：Zoe');
    expect(textOf(message)).not.toContain('提醒');
    expect(message.at).toBeUndefined();
  });

  it('treats a directory entry without a usable mobile or userId as unmapped', () => {
    const broken = { bob: { mobile: ' ' }, carol: 5 } as unknown as Record<string, MentionTarget>;
    const message = format(pullRequestPayload({ action: 'merge' }), { mentions: broken });
    expect(message.at).toBeUndefined();
    expect(textOf(message)).toContain('作者：Bob');
  });

  it('leaves the @token out of a text message, where DingTalk renders it from `at`', () => {
    const message = format(pullRequestPayload({ action: 'merge' }), {
      msgtype: 'text',
      mentions: directory,
    });
    expect(message.at).toEqual({ atMobiles: ['13800000001'] });
    expect(textOf(message)).not.toContain('@13800000001');
  });

  it('shows an @phone-number in a comment as inert text', () => {
    const message = format(issueNote({ body: 'call @13800000009' }), { mentions: directory });
    expect(textOf(message)).not.toContain('@13800000009');
    expect(message.at?.atMobiles).toEqual(['13800000002']);
  });

  it.each([
    ['markdown', false],
    ['actionCard', true],
    ['text', false],
  ] as const)('sets isAtAll for an atAll route in %s (token in the body: %s)', (msgtype, token) => {
    const message = format(pushPayload(), { msgtype, atAll: true });
    expect(message.at).toEqual({ isAtAll: true });
    expect(textOf(message).includes('@所有人')).toBe(token);
  });
});
