import { WECOM_MSGTYPES } from '../../../lib/platforms/wecom/message';
import { parseFixture } from '../../helpers/parse-fixture';
import { giteeUser } from '../../format/payloads/common';
import { pullRequestPayload } from '../../format/payloads/pull-request';
import { renderDelivery, renderPayload } from './wecom-parts';

/** One of each kind people read most: push, tag, issue opened, pull request merged, comment. */
const FIXTURES = [
  'push-commits-2020',
  'tag_push-create',
  'issue-open',
  'merge_request-merge',
  'note-issue',
];
const MENTIONS = { kit101: { wecom: 'KitLee', mobile: '13800000000' } };

describe('WeCom messages as a zh-CN team reads them', () => {
  it.each(FIXTURES.flatMap((fixture) => WECOM_MSGTYPES.map((msgtype) => ({ fixture, msgtype }))))(
    '$fixture as $msgtype',
    ({ fixture, msgtype }) => {
      expect(
        renderDelivery(parseFixture(fixture), { msgtype, mentions: MENTIONS }),
      ).toMatchSnapshot();
    },
  );
});

describe('WeCom mentions as a zh-CN team sees them', () => {
  // Carol has a userid, Dave only a mobile, Erin nothing; the route wants everyone.
  const payload = pullRequestPayload({
    reviewers: [giteeUser('carol', 'Carol'), giteeUser('erin', 'Erin')],
    testers: [giteeUser('dave', 'Dave')],
  });
  const mentions = { carol: { wecom: 'carol.w' }, dave: { mobile: '13800000002' } };

  it.each(WECOM_MSGTYPES)('a pull request opened for three reviewers as %s', (msgtype) => {
    expect(renderPayload(payload, { msgtype, mentions, atAll: true })).toMatchSnapshot();
  });
});
