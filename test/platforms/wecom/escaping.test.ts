import { localeText } from '../../../lib/view/locales/locale-text';
import { escapeWecomMarkdown, escapeWecomText } from '../../../lib/platforms/wecom/escape';
import { WECOM_MSGTYPES, type WecomMessage } from '../../../lib/platforms/wecom/message';
import { giteeUser, label } from '../../format/payloads/common';
import { issuePayload } from '../../format/payloads/issue';
import { issueNote } from '../../format/payloads/note';
import { pullRequestPayload } from '../../format/payloads/pull-request';
import { commit, pushPayload } from '../../format/payloads/push';
import { CHARACTER_REFERENCE, contentOf, leaksOf, renderPayload } from './wecom-parts';

/** Everything a commit message, title, branch, name or body could try on a WeCom message. */
const HOSTILE = [
  '# Heading **bold** *it* _it_ __init__ `code` ~~gone~~ [link](https://evil.example) ![img](https://evil.example/x.png)',
  '<font color="warning">red</font> <@all> <@zhangsan> <at id=all></at> <https://evil.example> www.evil.example',
  '@所有人 @all | a | b | &lt;b&gt; &#64;bob &amp; \\[x\\] a\\',
].join(' ');
/** Openers that only count at a line start, which an excerpt or commit line puts them at. */
const LINE_STARTS = ['# x', '> quote', '- item', '+ item', '1. one', '2) two', '===', '---', '***'];

const hostilePayloads = {
  'commit message and branch': pushPayload({
    ref: 'refs/heads/**x**_<@all>',
    commits: [
      commit({ message: HOSTILE }),
      ...LINE_STARTS.map((message) => commit({ message, author: { name: message } })),
    ],
  }),
  'issue title, body and labels': issuePayload({
    title: HOSTILE,
    body: `> quote\n- item\n1. one\n${HOSTILE}`,
    labels: [label('<font color="info">x</font>'), label('[x](https://evil.example)')],
  }),
  'pull request title, body, branches and names': pullRequestPayload({
    title: HOSTILE,
    body: HOSTILE,
    source: '<@all>/[x](https://evil.example)',
    reviewers: [giteeUser('mallory', '[x](https://evil.example) <@all> # boss')],
  }),
  ...Object.fromEntries(
    LINE_STARTS.map((start) => [
      `a comment opening with ${start}`,
      issueNote({ body: `${start} ${HOSTILE}` }),
    ]),
  ),
};

const t = localeText('zh-CN');

describe('user text in WeCom messages', () => {
  it.each(
    Object.entries(hostilePayloads).flatMap(([name, payload]) =>
      WECOM_MSGTYPES.map((msgtype) => ({ name, payload, msgtype })),
    ),
  )(
    'creates no link, tag, mention, heading, quote or reference from the $name ($msgtype)',
    ({ payload, msgtype }) => {
      const message = renderPayload(payload, { msgtype, maxCommits: 20 });
      expect(leaksOf(message, t)).toEqual([]);
    },
  );

  it('still shows what was typed, in look-alike characters', () => {
    const title = '<font color="warning">red</font> <@all> [link](https://evil.example) **bold**';
    const content = contentOf(renderPayload(issuePayload({ title })));
    expect(content).toContain('＜font color="warning"＞red＜/font＞');
    expect(content).toContain('＜@all＞');
    expect(content).toContain('［link］(https:\u200B//evil.example)');
    expect(content).toContain('＊＊bold＊＊');
  });
});

describe('escapeWecomMarkdown', () => {
  it.each([
    ['<font color="info">x</font>', '＜font color="info"＞x＜/font＞'],
    ['<@zhangsan>', '＜@zhangsan＞'],
    ['[x](https://evil.example)', '［x］(https:\u200B//evil.example)'],
    ['**b** *i* `c` ~~s~~ | t |', '＊＊b＊＊ ＊i＊ ｀c｀ ～～s～～ ｜ t ｜'],
    ['_i_ __init__ a_', '＿i＿ ＿＿init＿＿ a＿'],
    ['# h', '＃ h'],
    ['> q', '＞ q'],
    ['- l', '－ l'],
    ['+ l', '＋ l'],
    ['===', '＝=='],
    ['1. one', '1． one'],
    ['2) two', '2） two'],
    ['C:\\dir', 'C:＼dir'],
    ['www.evil.example', 'www\u200B.evil.example'],
  ])('makes %j inert: %j', (input, expected) => {
    expect(escapeWecomMarkdown(input)).toBe(expected);
  });

  it('keeps underscores inside names, where no markdown reads emphasis', () => {
    expect(escapeWecomMarkdown('repo_name feat_0 登录_页')).toBe('repo_name feat_0 登录_页');
  });

  it('leaves a line start alone when it opens nothing', () => {
    expect(escapeWecomMarkdown('2024 年 #3 修复 a-b')).toBe('2024 年 #3 修复 a-b');
  });
});

describe('a literal & in user text', () => {
  const TEXT = 'R&D &amp; QA &lt;b&gt; &#64;bob &#x40; &copy';

  it.each([escapeWecomMarkdown, escapeWecomText])(
    'starts no character reference (%p)',
    (escape) => {
      const escaped = escape(TEXT);
      expect(escaped).not.toMatch(CHARACTER_REFERENCE);
      // A word joiner after each "&": invisible, and the text reads as typed.
      expect(escaped.replace(/\u2060/g, '')).toBe(escapeWecomText(TEXT).replace(/\u2060/g, ''));
      expect(escaped.match(/&\u2060/g)).toHaveLength(7);
    },
  );

  it.each(WECOM_MSGTYPES)('shows as & in every part of a %s message', (msgtype) => {
    const message: WecomMessage = renderPayload(issuePayload({ title: TEXT, body: TEXT }), {
      msgtype,
    });
    const json = JSON.stringify(message);
    expect(JSON.parse(json.replace(/\\u2060|\u2060/g, ''))).toBeTruthy();
    expect(json).not.toMatch(CHARACTER_REFERENCE);
    expect(json.replace(/\u2060/g, '')).toContain('R&D');
  });
});

describe('escapeWecomText', () => {
  it('turns angle brackets full-width so no <@userid> or tag is read, and breaks bare addresses', () => {
    expect(escapeWecomText('<@all> see https://evil.example or WWW.evil.example')).toBe(
      '＜@all＞ see https:\u200B//evil.example or WWW\u200B.evil.example',
    );
  });

  it('leaves markdown characters alone: a text message shows them as typed', () => {
    expect(escapeWecomText('**a** [b] _c_ # d')).toBe('**a** [b] _c_ # d');
  });
});

describe('the leak detector used above', () => {
  it.each([
    ['markdown', '### ok\n[x](https://evil.example)'],
    ['markdown', '### ok\n<font color="warning">x</font>'],
    ['markdown', '### ok\n<@all>'],
    ['markdown', '### ok\n# heading'],
    ['markdown', '### ok\n> a\n\n> b'],
    ['markdown', '### ok\n**bold**'],
    ['markdown', '### ok\n- item'],
    ['markdown', '### ok\nsee https://evil.example'],
    ['markdown', '### ok\n&lt;b&gt;'],
    ['markdown_v2', '### ok\n\n<font color="comment">x</font>'],
    ['markdown_v2', '### ok\n\n- a\n  - nested'],
    ['markdown_v2', '### ok\n\n1. one'],
    ['markdown_v2', '### ok\n\n`code`'],
    ['text', 'ok <@zhangsan>'],
    ['text', 'ok www.evil.example'],
  ])('flags %s %j', (msgtype, content) => {
    const message = { msgtype, [msgtype]: { content } } as unknown as WecomMessage;
    expect(leaksOf(message, t)).not.toEqual([]);
  });

  it('accepts what the renderers write themselves', () => {
    const content =
      '### 标题\n[a](https://gitee.com/acme/api)\n<font color="comment">状态：</font>开启\n> 摘录\n\n<font color="comment">提醒：</font><@KitLee>';
    const message: WecomMessage = { msgtype: 'markdown', markdown: { content } };
    expect(leaksOf(message, t, ['KitLee'])).toEqual([]);
  });
});
