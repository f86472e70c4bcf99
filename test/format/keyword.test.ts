import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { applyKeyword } from '../../lib/platforms/dingtalk/keyword';
import { format, textOf, titleOf } from './message-parts';
import { pushPayload } from './payloads/push';
import { parseFixture } from '../helpers/parse-fixture';
import { formatMessage } from '../../lib/platforms/dingtalk/format';
import { formatOptions } from './message-parts';

const markdown = (title: string, text: string): DingTalkMessage => ({
  msgtype: 'markdown',
  markdown: { title, text },
});

describe('applyKeyword', () => {
  it('tags the title and the heading with the first keyword when none is present', () => {
    expect(applyKeyword(markdown('推送', '#### 推送\n\n正文'), ['发布', 'Gitee'])).toEqual(
      markdown('[发布] 推送', '#### [发布] 推送\n\n正文'),
    );
  });

  it('changes nothing when a keyword is already in both the title and the text', () => {
    const message = markdown('Gitee 推送', '#### Gitee 推送');
    expect(applyKeyword(message, ['发布', 'Gitee'])).toBe(message);
  });

  it('adds the keyword when it is only in the text, since DingTalk may check either', () => {
    expect(applyKeyword(markdown('推送', '#### 推送 Gitee'), ['Gitee'])).toEqual(
      markdown('[Gitee] 推送', '#### [Gitee] 推送 Gitee'),
    );
  });

  it('prefixes the first line of a text message, and leaves messages alone without keywords', () => {
    const text: DingTalkMessage = { msgtype: 'text', text: { content: '推送\n\n正文' } };
    expect(applyKeyword(text, ['Gitee'])).toEqual({
      msgtype: 'text',
      text: { content: '[Gitee] 推送\n\n正文' },
    });
    expect(applyKeyword(text, [])).toBe(text);
    expect(applyKeyword(text, ['  '])).toBe(text);
  });
});

describe('keywords in formatted messages', () => {
  it('adds the keyword once, in the same place for every msgtype', () => {
    for (const msgtype of ['markdown', 'actionCard', 'text'] as const) {
      const message = format(pushPayload(), { msgtype, keywords: ['代码'] });
      expect(titleOf(message).startsWith('[代码] ')).toBe(true);
      expect(textOf(message).split('代码')).toHaveLength(2);
    }
  });

  it('does not add a keyword the message already says (the ping names Gitee)', () => {
    const message = formatMessage(
      parseFixture('ping-push_hooks'),
      formatOptions({ keywords: ['Gitee'] }),
    );
    expect(titleOf(message)).toBe('flow-test 的 Gitee WebHook 已连通');
  });
});
