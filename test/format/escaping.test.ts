import type { MsgType } from '../../lib/platforms/dingtalk/message';
import { escapeMarkdown, escapePlainText } from '../../lib/platforms/dingtalk/escape';
import { markdownLeaks, plainLeaks } from './leak-detector';
import { format, textOf, titleOf } from './message-parts';
import { giteeUser } from './payloads/common';
import { issuePayload } from './payloads/issue';
import { issueNote } from './payloads/note';
import { pullRequestPayload } from './payloads/pull-request';
import { commit, pushPayload } from './payloads/push';

/** Everything a commit message, title, branch or body could try on a DingTalk message. */
const HOSTILE = [
  '# Heading **bold** _it_ `code` ~~gone~~ [link](https://evil.example) ![img](https://evil.example/x.png)',
  '<font color=#FF0000>red</font> <a href="https://evil.example">a</a> <https://evil.example> www.evil.example',
  '@13800000000 @所有人 | a | b |',
].join('\n');

const hostilePayloads = {
  'commit message and branch': pushPayload({
    ref: 'refs/heads/**x**',
    commits: [commit({ message: HOSTILE })],
  }),
  'issue title and body': issuePayload({
    title: HOSTILE,
    body: `> quote\n- item\n1. one\n${HOSTILE}`,
  }),
  'pull request title, body and names': pullRequestPayload({
    title: HOSTILE,
    body: HOSTILE,
    reviewers: [giteeUser('mallory', '[x](https://evil.example) @13800000000')],
  }),
  comment: issueNote({ body: `- ${HOSTILE}` }),
};

const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];

describe('user text in messages', () => {
  it.each(
    Object.entries(hostilePayloads).flatMap(([name, payload]) =>
      MSGTYPES.map((msgtype) => ({ name, payload, msgtype })),
    ),
  )(
    'cannot format, link, tag or mention anything through the $name ($msgtype)',
    ({ payload, msgtype }) => {
      const message = format(payload, { msgtype });
      const leaks =
        msgtype === 'text'
          ? plainLeaks(textOf(message))
          : markdownLeaks(textOf(message), ['[Gitee] ']);
      expect(leaks).toEqual([]);
      expect(plainLeaks(titleOf(message))).toEqual([]);
      expect(JSON.stringify(message)).not.toContain('@13800000000');
      expect(JSON.stringify(message)).not.toContain('https://evil.example');
      expect(message.at).toBeUndefined();
    },
  );
});

describe('escapeMarkdown', () => {
  it('backslash-escapes inline markdown and HTML anywhere in the text', () => {
    expect(escapeMarkdown('a*b_c `d` ~e~ [f] <g> | h \\ i')).toBe(
      'a\\*b\\_c \\`d\\` \\~e\\~ \\[f\\] \\<g> \\| h \\\\ i',
    );
  });

  it('escapes what would open a block only at the start of the text', () => {
    expect(escapeMarkdown('# title # not')).toBe('\\# title # not');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('3) item')).toBe('3\\) item');
    expect(escapeMarkdown('1.3 release')).toBe('1.3 release');
  });

  it('leaves ordinary text, Chinese and version numbers alone', () => {
    expect(escapeMarkdown('修复登录问题 (v1.2.0)!')).toBe('修复登录问题 (v1.2.0)!');
  });
});

describe('escapePlainText', () => {
  it('breaks @ so no mobile or userId becomes a mention, and breaks web addresses', () => {
    const escaped = escapePlainText('@13800000000 https://x.example www.x.example');
    expect(escaped).not.toContain('@1');
    expect(escaped).not.toContain('://');
    expect(escaped).not.toMatch(/www\./);
    expect(escaped.replace(/[\u200B\u200D]/g, '')).toBe(
      '@13800000000 https://x.example www.x.example',
    );
  });
});
