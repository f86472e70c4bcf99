import type { PlaygroundMessage } from '../../dev/playground-emulators';
import { renderPreview } from '../../dev/render-preview';
import { feishu } from '../../lib/platforms/feishu';
import { localeText } from '../../lib/view/locales/locale-text';
import { describeEvent } from '../../lib/view/describe-event';
import { parseFixture } from '../helpers/parse-fixture';

function received(message: Record<string, unknown>, code: number | null = 0): PlaygroundMessage {
  return {
    platform: 'feishu',
    robot: 'lark',
    msgtype: String(message.msg_type),
    message,
    errcode: code,
    errmsg: code === 0 ? 'success' : 'refused',
    httpStatus: 200,
    receivedAt: '2026-01-01T00:00:00.000Z',
  };
}

const OPEN_ID = 'ou_0123456789abcdef0123456789abcdef';
const PR = 'https://gitee.com/demo/app/pulls/42';

/** The 1.0 card of feishu-wecom-robot-api.md §1.5.1, as the doc writes it. */
const CARD_1 = {
  msg_type: 'interactive',
  card: {
    config: { wide_screen_mode: true },
    header: {
      template: 'green',
      title: { tag: 'plain_text', content: '[GiteeRelay] PR #42 merged' },
    },
    elements: [
      {
        tag: 'div',
        text: {
          tag: 'lark_md',
          content: `**demo/app** · [Fix login redirect](${PR})\nmerged by alice into \`main\` <at id=${OPEN_ID}></at>`,
        },
      },
      { tag: 'hr' },
      {
        tag: 'action',
        actions: [
          {
            tag: 'button',
            text: { tag: 'plain_text', content: 'Open PR' },
            type: 'primary',
            url: PR,
          },
        ],
      },
      { tag: 'note', elements: [{ tag: 'plain_text', content: 'Gitee · 2025-01-01 08:00' }] },
    ],
  },
};

/** The 2.0 card of §1.5.2, as the doc writes it. */
const CARD_2 = {
  msg_type: 'interactive',
  card: {
    schema: '2.0',
    config: { update_multi: true },
    header: {
      template: 'green',
      title: { tag: 'plain_text', content: '[GiteeRelay] PR #42 merged' },
    },
    body: {
      elements: [
        {
          tag: 'markdown',
          content: `**[Fix login redirect](${PR})**\n\n| field | value |\n|---|---|\n| author | alice |\n\n> merged by alice <at id=${OPEN_ID}></at>`,
        },
        {
          tag: 'button',
          text: { tag: 'plain_text', content: 'Open PR' },
          type: 'primary',
          behaviors: [{ type: 'open_url', default_url: PR }],
        },
        {
          tag: 'markdown',
          text_size: 'notation',
          content: "<font color='grey'>Gitee · 2025-01-01 08:00</font>",
        },
      ],
    },
  },
};

const larkMd = (content: string) => ({
  msg_type: 'interactive',
  card: {
    header: { template: 'blue', title: { tag: 'plain_text', content: 't' } },
    elements: [{ tag: 'div', text: { tag: 'lark_md', content } }],
  },
});

describe('renderPreview of a Feishu message', () => {
  it('draws a 1.0 card: header on its colour, inline lark_md, buttons, the note', () => {
    const preview = renderPreview(1, received(CARD_1));

    expect(preview).toMatchObject({
      platform: 'feishu',
      msgtype: 'interactive',
      header: { title: '[GiteeRelay] PR #42 merged', template: 'green' },
      title: null,
      mentions: [`@${OPEN_ID}`],
      accepted: true,
    });
    expect(preview.html).toContain('<strong>demo/app</strong>');
    expect(preview.html).toContain(`<a href="${PR}" target="_blank"`);
    // lark_md is inline-only: one "\n" is a line break, backticks are no code.
    expect(preview.html).toContain('<br>\nmerged by alice into `main`');
    expect(preview.html).toContain(`<span class="mention">@${OPEN_ID}</span>`);
    expect(preview.html).toMatch(
      /<a class="card-button primary" href="[^"]+pulls\/42"[^>]*>Open PR<\/a>/,
    );
    expect(preview.html).toContain(
      '<div class="card-note"><div class="note-part plain">Gitee · 2025-01-01 08:00</div></div>',
    );
    expect(preview.html.indexOf('card-actions')).toBeLessThan(preview.html.indexOf('card-note'));
  });

  it('names a Card JSON 2.0 interactive2 and draws its markdown with tables, quotes and grey notes', () => {
    const preview = renderPreview(1, received(CARD_2));

    expect(preview.msgtype).toBe('interactive2');
    expect(preview.header).toEqual({ title: '[GiteeRelay] PR #42 merged', template: 'green' });
    expect(preview.html).toContain('<table>');
    expect(preview.html).toContain('<blockquote>');
    expect(preview.html).toContain('<span class="font-grey">Gitee · 2025-01-01 08:00</span>');
    expect(preview.html).toContain('card-md md notation');
    expect(preview.html).toMatch(/<a class="card-button primary" href="[^"]+pulls\/42"/);
  });

  it('shows text the relay made inert as typed: no mention, link, emphasis or tag', () => {
    const hostile =
      '&#60;at id=all&#62;&#60;/at&#62; &#42;&#42;x&#42;&#42; &#91;x&#93;&#40;https:\u200B//evil.example&#41; &#60;font color=&#39;red&#39;&#62;';

    const preview = renderPreview(1, received(larkMd(hostile)));

    expect(preview.mentions).toEqual([]);
    expect(preview.html).toContain(
      '&lt;at id=all&gt;&lt;/at&gt; **x** [x](https:\u200B//evil.example)',
    );
    expect(preview.html).not.toMatch(/<(a|strong|span) /);
  });

  it("colours <font color='…'> with Feishu's names only, and shows a stray tag as typed", () => {
    const preview = renderPreview(
      1,
      received(
        larkMd(
          "<font color='red'>fail</font> <font color='pink'>x</font> </font> <font color=green>open",
        ),
      ),
    );

    expect(preview.html).toBe(
      '<div class="feishu-card"><div class="card-text md"><p><span class="font-red">fail</span> &lt;font color=\'pink\'&gt;x&lt;/font&gt; &lt;/font&gt; <span class="font-green">open</span></p>\n</div></div>',
    );
  });

  it('takes an unknown header template as default, and draws no header without a title', () => {
    const card = (header: unknown) =>
      received({ msg_type: 'interactive', card: { header, elements: [] } });

    expect(
      renderPreview(1, card({ template: 'x" onload="', title: { content: 'T' } })).header,
    ).toEqual({
      title: 'T',
      template: 'default',
    });
    expect(renderPreview(2, card(undefined)).header).toBeNull();
  });

  it('never makes a button of an address a chat client would not open', () => {
    const card = received({
      msg_type: 'interactive',
      card: {
        elements: [
          {
            tag: 'action',
            actions: [{ tag: 'button', text: { content: 'run' }, url: 'javascript:alert(1)' }],
          },
        ],
      },
    });

    expect(renderPreview(1, card).html).not.toContain('href');
  });

  it('draws a post: its title, then each paragraph of text, links and @mentions', () => {
    const post = {
      msg_type: 'post',
      content: {
        post: {
          zh_cn: {
            title: '[GiteeRelay] PR #42 merged',
            content: [
              [
                { tag: 'text', text: 'demo/app: <b>' },
                { tag: 'a', text: 'Fix login redirect', href: PR },
              ],
              [
                { tag: 'text', text: 'merged by alice ' },
                { tag: 'at', user_id: OPEN_ID, user_name: 'Bob' },
                { tag: 'at', user_id: 'all' },
              ],
            ],
          },
        },
      },
    };

    const preview = renderPreview(1, received(post));

    expect(preview.html).toBe(
      `<p class="post-title">[GiteeRelay] PR #42 merged</p><p class="plain">demo/app: &lt;b&gt;<a href="${PR}" target="_blank" rel="noopener noreferrer">Fix login redirect</a></p><p class="plain">merged by alice <span class="mention">@Bob</span><span class="mention">@所有人</span></p>`,
    );
    expect(preview.mentions).toEqual(['@Bob', '@所有人']);
  });

  it('draws text as typed, <at user_id> as the person, and written-out addresses as links', () => {
    const text = {
      msg_type: 'text',
      content: {
        text: `PR <merged>\n${PR} <at user_id="${OPEN_ID}">Bob</at><at user_id="all">所有人</at>`,
      },
    };

    const preview = renderPreview(1, received(text));

    expect(preview.html).toBe(
      `<p class="plain">PR &lt;merged&gt;\n<a href="${PR}" target="_blank" rel="noopener noreferrer">${PR}</a> <span class="mention">@Bob</span><span class="mention">@所有人</span></p>`,
    );
    expect(preview.mentions).toEqual(['@Bob', '@所有人']);
  });

  it("draws the relay's own card for a merged PR with the header it sent and buttons to Gitee", () => {
    const t = localeText('zh-CN');
    const view = describeEvent(parseFixture('merge_request-merge'), {
      t,
      timezone: 'Asia/Shanghai',
    });
    const message = feishu.render(view, {
      msgtype: 'interactive',
      t,
      keywords: ['GiteeRelay'],
      mentions: {},
      atAll: false,
      maxCommits: 5,
      linkMode: 'dingtalk',
    }) as { msg_type: string; card: { header: { title: { content: string }; template: string } } };

    const preview = renderPreview(1, received(message));

    expect(preview.header).toEqual({
      title: message.card.header.title.content,
      template: message.card.header.template,
    });
    expect(preview.header?.title).toContain('GiteeRelay');
    expect(preview.html).toMatch(/<a class="card-button primary" href="https:\/\/gitee\.com\//);
  });
});
