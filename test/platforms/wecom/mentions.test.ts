import { resolveWecomMentions } from '../../../lib/platforms/wecom/mentions';
import type { WecomMessage } from '../../../lib/platforms/wecom/message';
import { giteeUser } from '../../format/payloads/common';
import { issueNote } from '../../format/payloads/note';
import { pullRequestPayload } from '../../format/payloads/pull-request';
import { contentOf, renderPayload } from './wecom-parts';

/** A pull request opened by bob for reviewer carol and tester dave; alice is the sender. */
const opened = pullRequestPayload({
  reviewers: [giteeUser('carol', 'Carol')],
  testers: [giteeUser('dave', 'Dave')],
});
const DIRECTORY = {
  CAROL: { wecom: 'carol.w', mobile: '13800000001', userId: 'dingtalk-carol', feishu: 'ou_carol' },
  dave: { mobile: '13800000002', userId: 'dingtalk-dave' },
};

function text(message: WecomMessage) {
  if (message.msgtype !== 'text') throw new Error(message.msgtype);
  return message.text;
}

describe('WeCom mentions', () => {
  it('pings by <@userid> in markdown and names whoever has only a mobile or no WeCom identity', () => {
    const message = renderPayload(
      pullRequestPayload({
        reviewers: [giteeUser('carol', 'Carol'), giteeUser('erin', 'Erin')],
        testers: [giteeUser('dave', 'Dave')],
      }),
      { mentions: DIRECTORY },
    );
    const lines = contentOf(message).split('\n');
    // Carol, Dave and Erin are already named in the facts, so only the ping is added.
    expect(lines.at(-1)).toBe('<font color="comment">提醒：</font><@carol.w>');
    expect(JSON.stringify(message)).not.toContain('13800000002');
    expect(JSON.stringify(message)).not.toContain('dingtalk-');
    expect(JSON.stringify(message)).not.toContain('ou_carol');
  });

  it('puts userids in mentioned_list and a mobile-only person in mentioned_mobile_list in text', () => {
    const message = renderPayload(opened, { msgtype: 'text', mentions: DIRECTORY });
    expect(text(message).mentioned_list).toEqual(['carol.w']);
    expect(text(message).mentioned_mobile_list).toEqual(['13800000002']);
    expect(text(message).content).not.toContain('@');
  });

  it('sends @all in mentioned_list of a text message only', () => {
    expect(text(renderPayload(opened, { msgtype: 'text', atAll: true })).mentioned_list).toEqual([
      '@all',
    ]);
    for (const msgtype of ['markdown', 'markdown_v2', 'template_card']) {
      expect(JSON.stringify(renderPayload(opened, { msgtype, atAll: true }))).not.toContain('all');
    }
  });

  it.each(['markdown_v2', 'template_card'])(
    'pings no one in %s and names people instead',
    (msgtype) => {
      const message = renderPayload(issueNote({ body: 'ping @carol' }), {
        msgtype,
        mentions: DIRECTORY,
      });
      const json = JSON.stringify(message);
      expect(json).not.toContain('carol.w');
      expect(json).not.toContain('<@');
      expect(json).not.toContain('mentioned');
    },
  );

  it('names people without a WeCom identity in a markdown_v2 mention line when the message does not show them', () => {
    const merged = pullRequestPayload({ action: 'merge', author: giteeUser('bob', 'Bob 李') });
    const content = contentOf(renderPayload(merged, { msgtype: 'markdown_v2' }));
    // The author is shown as a fact of a merge; a fact already names them.
    expect(content).toContain('**作者**：Bob 李');
    expect(content).not.toContain('提醒');
  });

  it('pings the mapped people a comment @mentions and leaves the others to the quoted text', () => {
    const message = renderPayload(issueNote({ body: '@carol @erin 请看一下' }), {
      mentions: DIRECTORY,
    });
    const content = contentOf(message);
    expect(content).toContain('<@carol.w>');
    expect(content.split('\n').at(-1)).not.toContain('erin');
  });
});

describe('resolveWecomMentions', () => {
  const view = (logins: string[]) => ({
    mentions: logins.map((login) => ({ login, name: login.toUpperCase() })),
    textMentions: [],
  });

  it.each(['@all', '<@all>', 'a b', '', 'x'.repeat(65), '-lead'])(
    'takes the userid %j for no identity, so no token can close early or spell @all',
    (userid) => {
      const resolved = resolveWecomMentions(
        view(['mallory']),
        { mallory: { wecom: userid } },
        false,
        'markdown',
      );
      expect(resolved.userids).toEqual([]);
      expect(resolved.unmapped).toEqual([{ login: 'mallory', name: 'MALLORY' }]);
    },
  );

  it('reads only own keys of the directory, whatever the login', () => {
    const resolved = resolveWecomMentions(view(['constructor', '__proto__']), {}, false, 'text');
    expect(resolved.userids).toEqual([]);
    expect(resolved.unmapped).toHaveLength(2);
  });

  it('pings each person once, and at most 20 people', () => {
    const logins = Array.from({ length: 30 }, (_, index) => `user${index}`);
    const directory = Object.fromEntries(logins.map((login) => [login, { wecom: `${login}-w` }]));
    const resolved = resolveWecomMentions(
      { mentions: view(logins).mentions, textMentions: ['user0', 'USER1', 'user29'] },
      directory,
      false,
      'markdown',
    );
    expect(resolved.userids).toEqual(logins.slice(0, 20).map((login) => `${login}-w`));
  });

  it.each(['markdown', 'markdown_v2', 'template_card'] as const)(
    'has no @all for %s, which cannot ping everyone',
    (msgtype) => {
      expect(resolveWecomMentions(view(['carol']), {}, true, msgtype).atAll).toBe(false);
      expect(resolveWecomMentions(view(['carol']), {}, true, 'text').atAll).toBe(true);
    },
  );

  it('prefers the userid in text, so a person with both is pinged once', () => {
    const resolved = resolveWecomMentions(
      view(['carol']),
      { carol: DIRECTORY.CAROL },
      false,
      'text',
    );
    expect(resolved).toEqual({ userids: ['carol.w'], mobiles: [], unmapped: [], atAll: false });
  });
});
