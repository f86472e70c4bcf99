import { format, linksOf, markdownTargets, textOf } from './message-parts';
import { REPO_URL } from './payloads/common';
import { pullRequestPayload } from './payloads/pull-request';
import { pushPayload } from './payloads/push';

const WRAPPED = /^dingtalk:\/\/dingtalkclient\/page\/link\?url=[^&]+&pc_slide=false$/;

describe('linkMode browser', () => {
  it('wraps every markdown link so it opens in the system browser, to the same Gitee page', () => {
    const text = textOf(format(pullRequestPayload(), { linkMode: 'browser' }));
    const targets = markdownTargets(text);
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) expect(target).toMatch(WRAPPED);
    const pages = targets.map((target) => new URL(target).searchParams.get('url'));
    expect(pages).toContain(`${REPO_URL}/pulls/12`);
    expect(pages).toContain(`${REPO_URL}/tree/feature/sso`);
  });

  it('wraps actionCard buttons', () => {
    const message = format(pullRequestPayload(), { linkMode: 'browser', msgtype: 'actionCard' });
    const buttons = message.msgtype === 'actionCard' ? (message.actionCard.btns ?? []) : [];
    expect(buttons).toHaveLength(2);
    for (const button of buttons) expect(button.actionURL).toMatch(WRAPPED);
    expect(buttons[0]?.actionURL).toBe(
      `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(`${REPO_URL}/pulls/12`)}&pc_slide=false`,
    );
  });

  it('keeps https addresses in a text message, where DingTalk links them itself', () => {
    const message = format(pushPayload(), { linkMode: 'browser', msgtype: 'text' });
    expect(textOf(message)).not.toContain('dingtalk://');
    expect(linksOf(message).every((url) => url.startsWith(`${REPO_URL}/`))).toBe(true);
  });

  it('leaves links alone in the default mode', () => {
    const targets = markdownTargets(textOf(format(pushPayload())));
    expect(targets.every((target) => target.startsWith('https://gitee.com/'))).toBe(true);
  });
});
