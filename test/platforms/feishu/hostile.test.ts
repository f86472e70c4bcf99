import { feishu } from '../../../lib/platforms/feishu';
import type { FeishuMessage } from '../../../lib/platforms/feishu/message';
import { fixtureNames, loadFixture } from '../../helpers/fixtures';
import { parsePayload } from '../../helpers/parse-fixture';
import {
  bodyTextOf,
  linksOf,
  markdownFields,
  plainFields,
  renderOptions,
  sentBytes,
  titleOf,
  viewOf,
} from './feishu-parts';
import { markdownLeaks, plainLeaks } from './feishu-leaks';

/** Everything a PR title, commit message, name or comment could try on Feishu or its peers. */
const HOSTILE = [
  '# x <at id=all></at> <at user_id="all">所有人</at> <font color=red>红</font>',
  '[x](https://evil.example) @所有人 &lt;at id=all&gt; &#60;b&#62; <@userid> **b** `c` ~~s~~',
  '$m$ | a | www.evil.example <a href="https://evil.example">x</a> <br> :DONE:',
].join(' ');
/** The same, opening a list item where # opened a heading. */
const LISTED = `- ${HOSTILE.slice(2)}`;
const USER_TEXT_KEYS = new Set(['title', 'body', 'message', 'note', 'name', 'description']);

/** The fixture with every string a user types on Gitee replaced by `text`. */
function planted(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((item) => planted(item, text));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      typeof child === 'string' && USER_TEXT_KEYS.has(key) && child !== ''
        ? text
        : planted(child, text),
    ]),
  );
}

function hostileMessage(fixture: string, text: string, msgtype: string): FeishuMessage {
  const body = planted(loadFixture(fixture), text) as Record<string, unknown>;
  return feishu.render(viewOf(parsePayload(body)), renderOptions({ msgtype }));
}

const cases = fixtureNames().flatMap((fixture) =>
  feishu.msgtypes.flatMap((msgtype) =>
    [HOSTILE, LISTED].map((text, index) => ({ fixture, msgtype, text, start: index ? '-' : '#' })),
  ),
);

describe('feishu.render of hostile user text', () => {
  it.each(cases)(
    '$fixture as $msgtype ($start first) pings no one, colours nothing, links only to Gitee',
    ({ fixture, msgtype, text }) => {
      const message = hostileMessage(fixture, text, msgtype);
      const json = JSON.stringify(message);
      expect(json).not.toMatch(/<at /);
      expect(json).not.toMatch(/<font color=red/);
      expect(json).not.toMatch(/<a href/);
      expect(json).not.toMatch(/<br>/);
      for (const link of linksOf(message)) expect(new URL(link).origin).toBe('https://gitee.com');
      const ours = ['[GiteeRelay] '];
      for (const field of markdownFields(message)) expect(markdownLeaks(field, ours)).toEqual([]);
      for (const field of plainFields(message)) expect(plainLeaks(field, ours)).toEqual([]);
      expect(titleOf(message)).toContain('GiteeRelay');
      expect(bodyTextOf(message)).toContain('GiteeRelay');
      expect(sentBytes(message)).toBeLessThanOrEqual(20_000);
    },
  );

  it('shows the hostile text as typed in a card once Feishu decodes the entities', () => {
    const message = hostileMessage(
      'merge_request-open',
      'a <at id=all></at> &lt; # b',
      'interactive',
    );
    const decoded = markdownFields(message)
      .join('\n')
      .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)));
    expect(decoded).toContain('a <at id=all></at> &lt; # b');
  });
});
