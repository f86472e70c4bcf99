import type { QueueMessageBody } from '../../lib/delivery/ports';
import { PLATFORMS } from '../../lib/platforms';
import type { RobotSettings, Settings } from '../../lib/settings/types';
import { EXAMPLE_TEMPLATES } from '../../lib/templates/examples';
import { localeText } from '../../lib/view/locales/locale-text';
import { enqueueTargets } from '../../lib/webhook/enqueue-targets';
import { describeForTargets, renderJobs } from '../../lib/webhook/render-jobs';
import { fixtureNames } from '../helpers/fixtures';
import { parseFixture } from '../helpers/parse-fixture';
import { testRobot } from '../helpers/robots';
import { createFakeQueue } from './queue-fakes';

/**
 * The template fields cost a second walk over the payload, so direct mode builds them only
 * for a view some routed robot renders with a template; queue mode always does, because the
 * consumer renders with the settings it loads at delivery time (issue 12, "Benchmark").
 */
const PUSH_TEMPLATE = { push: EXAMPLE_TEMPLATES.find((one) => one.key === 'push')!.template };

const BUILT_IN: RobotSettings[] = [
  testRobot('d-zh', { keywords: ['GiteeRelay'] }),
  testRobot('f-zh', { platform: 'feishu', msgtype: 'interactive', keywords: ['GiteeRelay'] }),
  testRobot('w-en', { platform: 'wecom', msgtype: 'markdown', locale: 'en', timezone: 'UTC' }),
  testRobot('d-en', { msgtype: 'actionCard', locale: 'en', timezone: 'UTC' }),
];

function settingsWith(robots: RobotSettings[]): Settings {
  return {
    giteeSecrets: [],
    giteeAuth: 'either',
    links: { giteeHosts: ['gitee.com'] },
    robots,
    routes: undefined,
    mentions: {},
    filters: { ignoreSenders: [], skipCommitPattern: null },
  };
}

const targetsOf = (robots: RobotSettings[]) => robots.map((robot) => ({ robot, atAll: false }));
const EVENTS = fixtureNames().filter((name) => !name.startsWith('ping'));

describe('direct mode without templates', () => {
  const settings = settingsWith(BUILT_IN);
  const targets = targetsOf(BUILT_IN);

  it.each(EVENTS)('describes %s without template fields', (name) => {
    const views = describeForTargets(parseFixture(name), settings, targets, {
      fields: 'when-templated',
    });
    expect(views).toHaveLength(BUILT_IN.length);
    for (const view of views) expect(view).not.toHaveProperty('fields');
  });

  it.each(EVENTS)('sends %s exactly as with the fields built', async (name) => {
    const delivery = parseFixture(name);
    const jobs = await renderJobs(delivery, settings, targets, PLATFORMS);
    const withFields = describeForTargets(delivery, settings, targets, { fields: 'always' });
    expect(withFields.every((view) => view.fields !== undefined)).toBe(true);
    jobs.forEach((job, index) => {
      const robot = BUILT_IN[index]!;
      const expected = PLATFORMS[robot.platform].render(withFields[index]!, {
        msgtype: robot.msgtype,
        t: localeText(robot.locale),
        keywords: robot.keywords,
        mentions: {},
        atAll: false,
        maxCommits: robot.maxCommits,
        linkMode: robot.linkMode,
      });
      expect(job.message).toEqual(expected);
      expect(job).not.toHaveProperty('template');
    });
  });
});

describe('direct mode with a templated robot', () => {
  it('builds the fields for the views templated robots read, and only those', () => {
    const templated = testRobot('push-line', { templates: PUSH_TEMPLATE });
    const robots = [...BUILT_IN, templated];
    const views = describeForTargets(
      parseFixture('push-commits'),
      settingsWith(robots),
      targetsOf(robots),
      {
        fields: 'when-templated',
      },
    );
    // zh-CN in Asia/Shanghai is shared with the templated robot; en in UTC is not.
    expect(views.map((view) => view.fields !== undefined)).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
    expect(views[4]!.fields).toMatchObject({ event: 'push', branch: expect.any(String) });
  });

  it('sends the templated message to that robot and the built-in one to the others', async () => {
    const templated = testRobot('push-line', {
      templates: PUSH_TEMPLATE,
      keywords: ['GiteeRelay'],
    });
    const robots = [BUILT_IN[0]!, templated];
    const jobs = await renderJobs(
      parseFixture('push-commits'),
      settingsWith(robots),
      targetsOf(robots),
      PLATFORMS,
    );
    expect(jobs[0]).not.toHaveProperty('template');
    expect(jobs[1]!.template).toEqual({ key: 'push' });
    expect(jobs[1]!.message).not.toEqual(jobs[0]!.message);
  });
});

describe('queue mode', () => {
  it.each(EVENTS)(
    'enqueues %s with the template fields though no robot has a template',
    async (name) => {
      const queue = createFakeQueue();
      const results = await enqueueTargets(
        {
          delivery: parseFixture(name),
          settings: settingsWith(BUILT_IN),
          targets: targetsOf(BUILT_IN),
          receivedAt: 1_700_000_000_000,
          giteeTimestamp: '1633680515785',
          deadline: Number.MAX_SAFE_INTEGER,
        },
        { queue: queue.sender, now: () => 1_700_000_000_000 },
      );
      expect(results.every((one) => one.queued)).toBe(true);
      const bodies = [...queue.messages.values()].map(
        (entry) => JSON.parse(entry.body) as QueueMessageBody,
      );
      expect(bodies).toHaveLength(BUILT_IN.length);
      for (const body of bodies) {
        expect(body.view.fields).toMatchObject({ event: parseFixture(name).kind });
      }
    },
  );
});
