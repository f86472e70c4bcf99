import type { ParsedDelivery } from '../../../lib/gitee/event';
import { localeText } from '../../../lib/view/locales/locale-text';
import { eventTone } from '../../../lib/platforms/feishu/event-tone';
import type { CardTemplate } from '../../../lib/platforms/feishu/message';
import type { Locale } from '../../../lib/settings/types';
import { fixtureNames } from '../../helpers/fixtures';
import { parseFixture } from '../../helpers/parse-fixture';
import { viewOf } from './feishu-parts';

/** The doc's §6 colours, read off the delivery itself rather than the view. */
function expectedColour(delivery: ParsedDelivery): CardTemplate {
  if (delivery.kind === 'ping') return 'green';
  const { kind, action } = delivery;
  if (action === 'delete') return 'red';
  switch (kind) {
    case 'push':
      return 'blue';
    case 'tag_push':
      return 'wathet';
    case 'issue':
      return action === 'close' || action === 'reject' ? 'grey' : 'turquoise';
    case 'pull_request':
      return action === 'merge' ? 'green' : action === 'close' ? 'grey' : 'orange';
    case 'comment':
      return 'indigo';
  }
}

const LOCALES: Locale[] = ['zh-CN', 'en'];
const cases = fixtureNames().flatMap((fixture) => LOCALES.map((locale) => ({ fixture, locale })));

describe('eventTone', () => {
  it.each(cases)('colours $fixture ($locale) by its event', ({ fixture, locale }) => {
    const delivery = parseFixture(fixture);
    const t = localeText(locale);
    const tone = eventTone(viewOf(delivery, locale), t);
    expect(tone.template).toBe(expectedColour(delivery));
    expect(tone.event).toBe(delivery.kind === 'ping' ? null : t.events[delivery.kind]);
  });

  it('is not moved by what a user typed: a PR titled like a closed one stays an opened PR', () => {
    const delivery = parseFixture('merge_request-open');
    if (delivery.kind !== 'pull_request') throw new Error('fixture changed');
    delivery.payload.pull_request.title = 'kit101 关闭了 drone-yml-test 的 PR !9（未合并）';
    expect(eventTone(viewOf(delivery), localeText('zh-CN')).template).toBe('orange');
  });

  it('reads the subject, not the words: a merged PR headline on a push view stays a blue push', () => {
    const t = localeText('en');
    const merged = viewOf(parseFixture('merge_request-merge'), 'en');
    const view = { ...viewOf(parseFixture('push-commits'), 'en'), headline: merged.headline };
    expect(eventTone(view, t)).toEqual({ template: 'blue', event: 'push' });
  });

  it('falls back to blue and no event name for a subject no kind explains', () => {
    const t = localeText('en');
    const view = viewOf(parseFixture('push-commits'), 'en');
    const subject = { event: 'generic', action: 'release.publish' } as const;
    expect(eventTone({ ...view, subject }, t)).toEqual({ template: 'blue', event: null });
  });
});
