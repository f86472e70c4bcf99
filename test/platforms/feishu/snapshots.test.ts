import type { EventView } from '../../../lib/view/event-view';
import { feishu } from '../../../lib/platforms/feishu';
import { fixtureView, renderOptions } from './feishu-parts';

/** One of each trigger; the PR and the comment mention someone mapped and someone not. */
const FIXTURES = [
  'push-commits',
  'tag_push-create',
  'issue-open',
  'merge_request-merge',
  'note-issue',
];
const MENTIONS = { bob: { feishu: 'ou_0123456789abcdef0123456789abcdef' } };

function viewWithPeople(fixture: string): EventView {
  const view = fixtureView(fixture);
  if (fixture === 'push-commits' || fixture === 'tag_push-create') return view;
  return {
    ...view,
    mentions: [
      { login: 'bob', name: 'Bob' },
      { login: 'carol', name: '卡罗尔' },
    ],
  };
}

const cases = FIXTURES.flatMap((fixture) =>
  feishu.msgtypes.map((msgtype) => ({ fixture, msgtype })),
);

describe('Feishu messages as reviewed (zh-CN)', () => {
  it.each(cases)('$fixture as $msgtype', ({ fixture, msgtype }) => {
    const message = feishu.render(
      viewWithPeople(fixture),
      renderOptions({ msgtype, keywords: ['GiteeRelay'], mentions: MENTIONS }),
    );
    expect(message).toMatchSnapshot();
  });
});
