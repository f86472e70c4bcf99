import type { DigestEntry } from '../../lib/platforms/chat-platform';
import type { Locale } from '../../lib/settings/types';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import type { Payload } from '../format/payloads/common';
import { payloadEntry } from './digest-cases';

/** Everything a title, commit message, name, comment or repository path could try. */
export const HOSTILE = [
  '# x <at id=all></at> <at user_id="all">所有人</at> <font color=red>红</font> <br>',
  '[x](https://evil.example) ![i](https://evil.example/i.png) <a href="https://evil.example">a</a>',
  '@所有人 @13800000000 <@userid> &lt;b&gt; &#64; **b** `c` ~~s~~ _e_ | t | www.evil.example',
  '{{ 7*7 }} {% raw %} __proto__ constructor',
].join(' ');

const USER_TEXT_KEYS = new Set(['title', 'body', 'message', 'note', 'name', 'description']);

/** The payload with every string a user types on Gitee replaced by `text`. */
export function planted(value: unknown, text: string): unknown {
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

/** A repository path built of markup: shown as the digest's section heading and title. */
const HOSTILE_PATH = 'evil/**x**<at id=all>[y](https://evil.example)@13800000000_z_';

/**
 * `count` entries from the real fixtures in turn, every user-typed string replaced by a long
 * hostile text (numbered, so each line is told apart); every fifth from a repository whose
 * path is markup too.
 */
export function hostileEntries(count: number, locale: Locale): DigestEntry[] {
  const names = fixtureNames();
  return Array.from({ length: count }, (_unused, index) => {
    const name = names[index % names.length]!;
    const payload = planted(loadFixture(name), `${index} ${HOSTILE} ${HOSTILE}`) as Payload;
    if (index % 5 === 4 && !name.startsWith('ping')) {
      const repository = {
        ...(payload.repository as Payload),
        path_with_namespace: HOSTILE_PATH,
        html_url: `https://gitee.com/${HOSTILE_PATH}`,
      };
      Object.assign(payload, { repository, project: repository });
    }
    return payloadEntry(payload, locale);
  });
}
