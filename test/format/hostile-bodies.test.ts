import {
  MAX_MESSAGE_BYTES,
  messageBytes,
  type MsgType,
} from '../../lib/platforms/dingtalk/message';
import { mentionedLogins } from '../../lib/view/mentioned-logins';
import { format, textOf } from './message-parts';
import type { Payload } from './payloads/common';
import { issuePayload } from './payloads/issue';
import { issueNote } from './payloads/note';
import { pullRequestPayload } from './payloads/pull-request';
import { commit, pushPayload } from './payloads/push';

/**
 * Bodies anyone who can comment chooses: a whole request's worth (MAX_BODY_BYTES, 1 MiB) of
 * Markdown openers that never close. A cleaner that backtracks over the whole body takes
 * minutes on these; the message must still come out, quote the opening prose and fit.
 * (How long it takes is `npm run bench`'s worstFormatMs, not a test.)
 */
const BODY_CHARS = 1000 * 1000;
const PROSE = '登录页白屏，Safari 上必现';
const OPENERS = ['![', '[', '[a](', '**a ', '*a ', '__a ', '~~a ', '`', '``a', '<a', '@a-.'];
const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];

function hostileBody(opener: string): string {
  return `${PROSE}\n\n${opener.repeat(Math.floor(BODY_CHARS / opener.length))}`;
}

const places: Record<string, (body: string) => Payload> = {
  comment: (body) => issueNote({ body }),
  issue: (body) => issuePayload({ body }),
  'pull request': (body) => pullRequestPayload({ body }),
};

/** The quoted excerpt as a reader sees it, in any msgtype. */
function excerptOf(text: string): string {
  const quoted = text.split('\n').find((line) => line.startsWith('> ') || line.startsWith('“'));
  return quoted ?? '';
}

describe('a 1 MiB body of Markdown openers that never close', () => {
  it.each(
    OPENERS.flatMap((opener) =>
      Object.keys(places).flatMap((place) =>
        MSGTYPES.map((msgtype) => ({ opener, place, msgtype })),
      ),
    ),
  )(
    'as a $place body ($msgtype) of $opener quotes its prose and fits',
    ({ opener, place, msgtype }) => {
      const message = format(places[place]!(hostileBody(opener)), { msgtype });
      expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      const excerpt = excerptOf(textOf(message));
      expect(excerpt).toContain(PROSE);
      expect(excerpt.endsWith('…') || excerpt.endsWith('…”')).toBe(true);
      expect(Array.from(excerpt).length).toBeLessThan(600);
    },
  );

  it('keeps a megabyte commit message to the first line, cut', () => {
    const message = format(
      pushPayload({ commits: [commit({ message: `修复登录 ${'**a '.repeat(250_000)}` })] }),
    );
    const item =
      textOf(message)
        .split('\n')
        .find((line) => line.startsWith('- ')) ?? '';
    expect(item).toContain('修复登录');
    expect(item).toMatch(/修复登录 .*…/);
    expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });
});

describe('mentions in a hostile comment', () => {
  it('finds the logins before a megabyte of login-like punctuation, each a Gitee-length login', () => {
    const body = `@bob 请看 @carol. ${'@a'}${'.-'.repeat(500_000)}a`;
    expect(mentionedLogins(body)).toEqual(['bob', 'carol', 'a']);
  });

  it('reads at most a Gitee-sized login after each @', () => {
    const [login] = mentionedLogins(`@${'x'.repeat(5000)}`);
    expect(login?.length).toBeLessThanOrEqual(100);
  });
});
