import type { DingTalkMessage, MsgType } from '../../lib/platforms/dingtalk/message';
import { formatMessage } from '../../lib/platforms/dingtalk/format';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parsePayload } from '../helpers/parse-fixture';
import { format, formatOptions, linksOf, textOf, titleOf } from './message-parts';
import { project } from './payloads/common';
import { issuePayload } from './payloads/issue';
import { pushPayload } from './payloads/push';

const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];

/** Every web address in a payload moved to another host, the path kept. */
function onHost(value: unknown, host: string): unknown {
  if (typeof value === 'string') return value.replace(/^https?:\/\/[^/]+/i, `https://${host}`);
  if (Array.isArray(value)) return value.map((item) => onHost(item, host));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, onHost(v, host)]));
  }
  return value;
}

function buttonsOf(message: DingTalkMessage): string[] {
  if (message.msgtype !== 'actionCard') return [];
  const card = message.actionCard;
  return card.singleURL ? [card.singleURL] : (card.btns ?? []).map((button) => button.actionURL);
}

/** The repository's own page or one below it. */
function within(base: string) {
  return (link: string) => link === base || link.startsWith(`${base}/`);
}

/** A push whose repository says it lives at `url`. */
function pushFrom(url: string) {
  return { ...pushPayload(), repository: { ...project(), html_url: url, url } };
}

describe('links only to Gitee', () => {
  it.each(fixtureNames().flatMap((name) => MSGTYPES.map((msgtype) => ({ name, msgtype }))))(
    'builds every link of $name ($msgtype) on gitee.com when the payload points elsewhere',
    ({ name, msgtype }) => {
      const body = onHost(loadFixture(name), 'evil.example') as Record<string, unknown>;
      const ping: Record<string, string> = name.startsWith('ping')
        ? { 'x-gitee-ping': 'true' }
        : {};
      const message = formatMessage(parsePayload(body, ping), formatOptions({ msgtype }));
      const links = linksOf(message);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(new URL(link).host).toBe('gitee.com');
      if (msgtype === 'actionCard') expect(buttonsOf(message).length).toBeGreaterThan(0);
    },
  );

  it('keeps a repository on a Gitee Enterprise host the settings allow', () => {
    const message = format(pushFrom('https://git.example.com/acme/api'), {
      giteeHosts: ['gitee.com', 'git.example.com'],
    });
    const links = linksOf(message);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every(within('https://git.example.com/acme/api'))).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example/acme/api'],
    ['a host that only starts like Gitee', 'https://gitee.com.evil.example/acme/api'],
    ['credentials before another host', 'https://gitee.com@evil.example/acme/api'],
    ['a scheme that is not http(s)', 'javascript://gitee.com/acme/api'],
    ['no address at all', 'acme/api'],
    ['a port the settings do not list', 'https://gitee.com:8443/acme/api'],
  ])(
    'replaces %s by the first allowed host and the repository path, keeping the button',
    (_name, url) => {
      const message = format(pushFrom(url), {
        msgtype: 'actionCard',
        giteeHosts: ['git.example.com', 'gitee.com'],
      });
      const links = linksOf(message);
      expect(links.length).toBeGreaterThan(0);
      expect(links.every(within('https://git.example.com/acme/api'))).toBe(true);
      expect(buttonsOf(message)).toHaveLength(1);
    },
  );
});

describe('a literal & in event text', () => {
  const TEXT = 'R&D &amp; QA &lt;b&gt; &#64;bob &copy';

  it.each(MSGTYPES)('shows as & and starts no character reference (%s)', (msgtype) => {
    const message = format(issuePayload({ title: TEXT, body: TEXT }), { msgtype });
    for (const shown of [titleOf(message), textOf(message)]) {
      expect(shown).not.toMatch(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/i);
      expect(shown.replace(/\u2060/g, '')).toContain(TEXT);
    }
  });
});
