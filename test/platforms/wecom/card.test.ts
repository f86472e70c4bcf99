import { emptyView, user, word } from '../../../lib/view/event-view';
import { localeText } from '../../../lib/view/locales/locale-text';
import { wecom } from '../../../lib/platforms/wecom';
import { cutWidth, displayWidth } from '../../../lib/platforms/wecom/cut-width';
import type { WecomMessage, WecomTextNoticeCard } from '../../../lib/platforms/wecom/message';
import { giteeUser, label } from '../../format/payloads/common';
import { issuePayload } from '../../format/payloads/issue';
import { pullRequestPayload } from '../../format/payloads/pull-request';
import { commit, pushPayload } from '../../format/payloads/push';
import { renderPayload, type WecomCase } from './wecom-parts';

function card(message: WecomMessage): WecomTextNoticeCard {
  if (message.msgtype !== 'template_card') throw new Error(message.msgtype);
  return message.template_card;
}

const cardOf = (payload: Record<string, unknown>, options: WecomCase = {}) =>
  card(renderPayload(payload, { msgtype: 'template_card', ...options }));

describe('the WeCom template card', () => {
  it('shows a pull request: title, repository, facts side by side, buttons and a tap target', () => {
    const shown = cardOf(
      pullRequestPayload({
        title: 'Add SSO login with the company identity provider',
        labels: [label('bug'), label('紧急')],
      }),
    );
    expect(shown.source).toEqual({ desc: 'Gitee', desc_color: 0 });
    expect(shown.main_title).toEqual({
      title: 'Alice 王 在 api 创建了 PR !12：Add SSO login with t…',
      desc: 'acme/api',
    });
    // The title was cut, so the whole headline leads the text below it, then the excerpt.
    expect(shown.sub_title_text).toBe(
      'Alice 王 在 api 创建了 PR !12：Add SSO login with the company identity provider\n“Adds SSO via the company IdP.”',
    );
    expect(shown.horizontal_content_list).toEqual([
      { keyname: '审查人员', value: 'Carol' },
      { keyname: '测试人员', value: 'Dave' },
      { keyname: '标签', value: 'bug、紧急' },
      { keyname: '改动', value: '3 个提交 · 5 个文件 · +120 −8' },
    ]);
    expect(shown.jump_list).toEqual([
      { type: 1, title: '查看 PR', url: 'https://gitee.com/acme/api/pulls/12' },
      { type: 1, title: '查看文件改动', url: 'https://gitee.com/acme/api/pulls/12/files' },
    ]);
    expect(shown.card_action).toEqual({ type: 1, url: 'https://gitee.com/acme/api/pulls/12' });
  });

  it('lists as many commits as fit below the title, and how many more there are', () => {
    const commits = Array.from({ length: 8 }, (_, index) =>
      commit({ message: `修复第 ${index + 1} 个问题` }),
    );
    const text = cardOf(pushPayload({ commits }), { maxCommits: 8 }).sub_title_text ?? '';
    const shown = text.split('\n').filter((line) => line.startsWith('• '));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(8);
    expect(text.split('\n').at(-1)).toBe(`…还有 ${8 - shown.length} 个提交`);
    expect(displayWidth(text)).toBeLessThanOrEqual(112 * 2);
  });

  it('keeps every field to its recommended length, however long the user text', () => {
    const long = '很长'.repeat(500);
    const shown = cardOf(
      pullRequestPayload({
        title: long,
        body: long,
        reviewers: Array.from({ length: 12 }, (_, index) => giteeUser(`r${index}`, long)),
        labels: Array.from({ length: 12 }, () => label(long)),
      }),
    );
    expect(displayWidth(shown.main_title.title)).toBeLessThanOrEqual(26 * 2);
    expect(displayWidth(shown.sub_title_text ?? '')).toBeLessThanOrEqual(112 * 2);
    for (const item of shown.horizontal_content_list ?? []) {
      expect(displayWidth(item.keyname)).toBeLessThanOrEqual(5 * 2);
      expect(displayWidth(item.value)).toBeLessThanOrEqual(26 * 2);
    }
    for (const item of shown.jump_list ?? []) {
      expect(displayWidth(item.title)).toBeLessThanOrEqual(13 * 2);
    }
  });

  it('names people it cannot ping, beside the facts', () => {
    const shown = cardOf(issuePayload({ action: 'assign', assignee: giteeUser('erin', 'Erin') }), {
      mentions: { erin: { wecom: 'erin.w' } },
    });
    expect(JSON.stringify(shown)).not.toContain('erin.w');
    expect(JSON.stringify(shown)).toContain('Erin');
  });

  it('keeps English keys readable: a Latin letter takes half the room of a 字', () => {
    const shown = cardOf(pullRequestPayload(), { locale: 'en' });
    expect(shown.horizontal_content_list?.map((item) => item.keyname)).toEqual([
      'Reviewers',
      'Testers',
      'Labels',
      'Changes',
    ]);
  });
});

describe('a template card from a view with long labels', () => {
  it('cuts keys to 5 字 and lists at most 6 facts and 3 links', () => {
    const view = {
      ...emptyView([word('事件')]),
      facts: Array.from({ length: 8 }, (_, index) => ({
        label: `第${index}个很长的标签`,
        value: [user('值')],
      })),
      links: Array.from({ length: 5 }, (_, index) => ({
        label: `链接${index}`,
        url: `https://gitee.com/acme/api/issues/${index}`,
      })),
    };
    const message = wecom.render(view, {
      msgtype: 'template_card',
      t: localeText('zh-CN'),
      keywords: [],
      mentions: {},
      atAll: false,
      maxCommits: 5,
      linkMode: 'dingtalk',
    });
    const shown = card(message);
    expect(shown.horizontal_content_list?.map((item) => item.keyname)).toEqual(
      Array.from({ length: 6 }, (_, index) => `第${index}个很长…`),
    );
    expect(shown.jump_list?.map((item) => item.title)).toEqual(['链接0', '链接1', '链接2']);
    expect(shown.card_action.url).toBe('https://gitee.com/acme/api/issues/0');
  });
});

describe('cutWidth', () => {
  it.each([
    ['审查人员', 5, '审查人员'],
    ['审查人员名单', 5, '审查人员…'],
    ['Reviewers', 5, 'Reviewers'],
    ['Reviewers!!', 5, 'Reviewers…'],
    ['a😀😀😀😀😀', 3, 'a😀😀…'],
    ['👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 2, '👨‍👩‍👧‍👦…'],
  ])('cuts %j to %d 字 as %j, never inside a grapheme', (text, chars, expected) => {
    expect(cutWidth(text, chars)).toBe(expected);
  });

  it('reads only a bounded head of a huge text', () => {
    const cut = cutWidth(`${'e\u0301'.repeat(10)}${'x'.repeat(1_000_000)}`, 4);
    expect(cut).toBe('e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301…');
  });
});
