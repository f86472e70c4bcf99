import type { PlaygroundMessage } from '../../dev/playground-emulators';
import { renderPreview } from '../../dev/render-preview';

function received(message: Record<string, unknown>, errcode: number | null = 0): PlaygroundMessage {
  return {
    platform: 'wecom',
    robot: 'wework',
    msgtype: String(message.msgtype),
    message,
    errcode,
    errmsg: errcode === 0 ? 'ok' : 'refused',
    httpStatus: 200,
    receivedAt: '2026-01-01T00:00:00.000Z',
  };
}

const PR = 'https://gitee.com/demo/app/pulls/42';
const markdown = (content: string) => received({ msgtype: 'markdown', markdown: { content } });
const markdownV2 = (content: string) =>
  received({ msgtype: 'markdown_v2', markdown_v2: { content } });

describe('renderPreview of a WeCom message', () => {
  it('draws the markdown of feishu-wecom-robot-api.md §2.2: heading, quote, colour, <@userid>', () => {
    const content = `### [GiteeRelay] PR #42 merged\n> repo: [demo/app](https://gitee.com/demo/app)\n> title: [Fix login redirect](${PR})\n> by: <font color="info">alice</font>\n<@zhangsan>`;

    const preview = renderPreview(1, markdown(content));

    expect(preview).toMatchObject({ platform: 'wecom', msgtype: 'markdown', title: null });
    expect(preview.html).toContain('<h3>[GiteeRelay] PR #42 merged</h3>');
    expect(preview.html).toContain('<blockquote>');
    expect(preview.html).toContain(`<a href="${PR}" target="_blank" rel="noopener noreferrer">`);
    expect(preview.html).toContain('by: <span class="wecom-info">alice</span>');
    expect(preview.html).toContain('<span class="mention">@zhangsan</span>');
    expect(preview.mentions).toEqual(['@zhangsan']);
  });

  it('has exactly three font colours, info, comment and warning; any other shows as typed', () => {
    const { html } = renderPreview(
      1,
      markdown(
        '<font color="info">ok</font> <font color="comment">note</font> <font color="warning">bad</font> <font color="red">x</font>',
      ),
    );

    expect(html).toBe(
      '<p><span class="wecom-info">ok</span> <span class="wecom-comment">note</span> <span class="wecom-warning">bad</span> &lt;font color=&quot;red&quot;&gt;x&lt;/font&gt;</p>\n',
    );
  });

  it('breaks markdown lines at every newline; lists and tables show as typed, an image as a link', () => {
    const { html } = renderPreview(
      1,
      markdown('one\ntwo\n- item\n| a | b |\n|---|---|\n![i](https://x.test/i.png)'),
    );

    expect(html).toBe(
      '<p>one<br>\ntwo<br>\n- item<br>\n| a | b |<br>\n|---|---|<br>\n!<a href="https://x.test/i.png" target="_blank" rel="noopener noreferrer">i</a></p>\n',
    );
  });

  it('draws markdown_v2 lists and tables, but no colours and no mentions', () => {
    const preview = renderPreview(
      1,
      markdownV2(
        '- item\n\n| a | b |\n| :--- | :--- |\n| 1 | 2 |\n\n<font color="info">x</font> <@bob>',
      ),
    );

    expect(preview.html).toContain('<li>item</li>');
    expect(preview.html).toContain('<table>');
    expect(preview.html).toContain(
      '&lt;font color=&quot;info&quot;&gt;x&lt;/font&gt; &lt;@bob&gt;',
    );
    expect(preview.mentions).toEqual([]);
  });

  it('shows what the relay made inert as typed, full-width and all', () => {
    const { html } = renderPreview(
      1,
      markdown('＜@all＞ ［x］(https:\u200B//evil.example) ＃ title'),
    );

    expect(html).toBe('<p>＜@all＞ ［x］(https:\u200B//evil.example) ＃ title</p>\n');
  });

  it('draws text as typed, with the people of mentioned_list and mentioned_mobile_list after it', () => {
    const preview = renderPreview(
      1,
      received({
        msgtype: 'text',
        text: {
          content: `PR <merged>\n${PR}`,
          mentioned_list: ['bob', '@all'],
          mentioned_mobile_list: ['13800000000'],
        },
      }),
    );

    expect(preview.html).toBe(
      `<p class="plain">PR &lt;merged&gt;\n<a href="${PR}" target="_blank" rel="noopener noreferrer">${PR}</a> <span class="mention">@bob</span> <span class="mention">@所有人</span> <span class="mention">@13800000000</span></p>`,
    );
    expect(preview.mentions).toEqual(['@bob', '@所有人', '@13800000000']);
  });

  it('draws a text_notice template card top to bottom: source, title, facts, links', () => {
    const card = {
      card_type: 'text_notice',
      source: { desc: 'Gitee', desc_color: 3 },
      main_title: { title: 'PR #42 merged', desc: 'demo/app' },
      emphasis_content: { title: '2', desc: 'commits' },
      sub_title_text: 'Fix login redirect\n• <b>',
      horizontal_content_list: [
        { keyname: 'author', value: 'alice' },
        { keyname: 'PR', value: 'open', type: 1, url: PR },
      ],
      jump_list: [{ type: 1, title: 'Open PR', url: PR }],
      card_action: { type: 1, url: PR },
    };

    const preview = renderPreview(1, received({ msgtype: 'template_card', template_card: card }));

    expect(preview.html).toBe(
      '<div class="wecom-card">' +
        '<div class="tc-source tc-green">Gitee</div>' +
        '<div class="tc-title">PR #42 merged</div>' +
        '<div class="tc-desc">demo/app</div>' +
        '<div class="tc-emphasis"><strong class="">2</strong><span class="">commits</span></div>' +
        '<div class="tc-sub plain">Fix login redirect\n• &lt;b&gt;</div>' +
        '<dl class="tc-fields"><dt class="">author</dt><dd class="">alice</dd>' +
        `<dt class="">PR</dt><dd class=""><a href="${PR}" target="_blank" rel="noopener noreferrer">open</a></dd></dl>` +
        `<div class="tc-jumps"><a class="tc-jump" href="${PR}" target="_blank" rel="noopener noreferrer">Open PR</a></div>` +
        '</div>',
    );
  });

  it('shows a body WeCom would refuse the type of, such as "Markdown", as raw JSON with its errcode', () => {
    const preview = renderPreview(
      1,
      received({ msgtype: 'Markdown', Markdown: { content: '<b>x</b>' } }, 40008),
    );

    expect(preview.html).toMatch(
      /^<pre class="raw">\{\n {2}&quot;msgtype&quot;: &quot;Markdown&quot;/,
    );
    expect(preview.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(preview).toMatchObject({ accepted: false, errcode: 40008 });
  });
});
