import type { RenderOptions } from '../../lib/platforms/chat-platform';
import { feishu } from '../../lib/platforms/feishu';
import { wecom } from '../../lib/platforms/wecom';
import { describeEvent } from '../../lib/view/describe-event';
import type { EventView } from '../../lib/view/event-view';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { localeText } from '../../lib/view/locales/locale-text';
import { parsePayload } from '../helpers/parse-fixture';
import { sha } from '../format/payloads/common';
import { pushPayload } from '../format/payloads/push';

/** A page no describer would link: only the view's `home` can bring it into a message. */
const ELSEWHERE = 'https://gitee.com/acme/home-from-the-view';

/** A branch created whose page (19,800 characters encoded) is too long for any message. */
function hugeBranchView(): EventView {
  const delivery = parsePayload(
    pushPayload({
      ref: `refs/heads/${'分'.repeat(2_200)}`,
      created: true,
      before: sha(0),
      commits: null,
    }),
  );
  const repository = onGiteeHost(delivery.repository, ['gitee.com']);
  const view = describeEvent(
    { ...delivery, repository },
    { t: localeText('en'), timezone: 'Asia/Shanghai' },
  );
  return { ...view, home: { label: 'View repository', url: ELSEWHERE } };
}

function options(msgtype: string): RenderOptions {
  return {
    msgtype,
    t: localeText('en'),
    keywords: [],
    mentions: {},
    atAll: false,
    maxCommits: 5,
    linkMode: 'dingtalk',
  };
}

const cases = [
  ...feishu.msgtypes.map((msgtype) => ({ name: 'feishu', platform: feishu, msgtype })),
  ...wecom.msgtypes.map((msgtype) => ({ name: 'wecom', platform: wecom, msgtype })),
];

describe('when every page address is too long', () => {
  it.each(cases)('$name $msgtype links the view home page', ({ platform, msgtype }) => {
    const message: unknown = platform.render(hugeBranchView(), options(msgtype));
    expect(JSON.stringify(message)).toContain(ELSEWHERE);
  });
});
