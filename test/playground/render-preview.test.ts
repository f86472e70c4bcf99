import type { PlaygroundMessage } from '../../dev/playground-emulators';
import { renderPreview } from '../../dev/render-preview';

function received(message: Record<string, unknown>, errcode: number | null = 0): PlaygroundMessage {
  return {
    platform: 'dingtalk',
    robot: 'team',
    msgtype: String(message.msgtype),
    message,
    errcode,
    errmsg: errcode === 0 ? 'ok' : 'refused',
    httpStatus: 200,
    receivedAt: '2026-01-01T00:00:00.000Z',
  };
}

const markdown = (text: string, at?: Record<string, unknown>) =>
  received({ msgtype: 'markdown', markdown: { title: 'Notification title', text }, at });

describe('renderPreview of a DingTalk message', () => {
  it('renders the markdown subset DingTalk shows: headings, bold, links, lists, quotes, images', () => {
    const text =
      '#### Head\n\n**bold** *it* [link](https://gitee.com/a)\n\n- one\n- two\n\n> quote\n\n![](https://x.test/i.png)';

    const { html } = renderPreview(1, markdown(text));

    expect(html).toContain('<h4>Head</h4>');
    expect(html).toContain('<strong>bold</strong> <em>it</em>');
    expect(html).toContain('<a href="https://gitee.com/a" target="_blank"');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<img src="https://x.test/i.png"');
  });

  it('leaves tables, code, rules, strikethrough and HTML as literal text, as DingTalk does', () => {
    const text = '| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`\n\n---\n\n~~gone~~ <b>raw</b>';

    const { html } = renderPreview(1, markdown(text));

    expect(html).not.toMatch(/<(table|code|pre|hr|del|s|b)>/);
    expect(html).toContain('`code`');
    expect(html).toContain('~~gone~~ &lt;b&gt;raw&lt;/b&gt;');
  });

  it('treats a single newline as a space and a blank line as a new paragraph', () => {
    const { html } = renderPreview(1, markdown('one\ntwo\n\nthree'));

    expect(html).toBe('<p>one\ntwo</p>\n<p>three</p>\n');
  });

  it('keeps the title apart from the body, as only the notification shows it', () => {
    const preview = renderPreview(1, markdown('body only'));

    expect(preview.title).toBe('Notification title');
    expect(preview.html).not.toContain('Notification title');
  });

  it('highlights the @mentions named in `at`, but not a longer id that starts the same way', () => {
    const preview = renderPreview(
      1,
      markdown('review: @13800000000 and @138000000001', { atMobiles: ['13800000000'] }),
    );

    expect(preview.html).toContain(
      'review: <span class="mention">@13800000000</span> and @138000000001',
    );
    expect(preview.mentions).toEqual(['@13800000000']);
  });

  it('shows text as typed, escaped, with the mention copy DingTalk appends', () => {
    const message = {
      msgtype: 'text',
      text: { content: '<ok> **not bold** @u1' },
      at: { atUserIds: ['u1'] },
    };

    const preview = renderPreview(1, received(message));

    expect(preview.title).toBeNull();
    expect(preview.html).toBe(
      '<p class="plain">&lt;ok&gt; **not bold** <span class="mention">@u1</span> <span class="mention">@u1</span></p>',
    );
  });

  it('draws actionCard buttons side by side for btnOrientation 1, and singleTitle alone when set', () => {
    const card = (extra: Record<string, unknown>) =>
      received({ msgtype: 'actionCard', actionCard: { title: 't', text: 'x', ...extra } });
    const btns = [{ title: 'PR', actionURL: 'https://gitee.com/pr' }];

    expect(renderPreview(1, card({ btnOrientation: '1', btns }))).toMatchObject({
      buttons: [{ title: 'PR', url: 'https://gitee.com/pr' }],
      buttonsInRow: true,
    });
    expect(
      renderPreview(2, card({ singleTitle: '阅读全文', singleURL: 'https://gitee.com/a', btns }))
        .buttons,
    ).toEqual([{ title: '阅读全文', url: 'https://gitee.com/a' }]);
  });

  it('opens links wrapped for the system browser at their target', () => {
    const wrapped = `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent('https://gitee.com/a?b=1')}&pc_slide=false`;

    const { html } = renderPreview(1, markdown(`[repo](${wrapped})`));

    expect(html).toContain('href="https://gitee.com/a?b=1"');
  });

  it('reports the robot verdict: refused with its errcode, or no answer at all', () => {
    expect(renderPreview(1, markdown('x'))).toMatchObject({ accepted: true, errcode: 0 });
    expect(renderPreview(2, received({ msgtype: 'markdown' }, 310000))).toMatchObject({
      accepted: false,
      errcode: 310000,
      errmsg: 'refused',
    });
    expect(renderPreview(3, received({ msgtype: 'markdown' }, null)).accepted).toBe(false);
  });
});
