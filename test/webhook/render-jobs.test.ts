import { Secret } from '../../lib/crypto/secret';
import { PLATFORMS } from '../../lib/platforms';
import type { PlatformName } from '../../lib/platforms/chat-platform';
import type { Locale, RobotSettings, Settings } from '../../lib/settings/types';
import { describeEvent } from '../../lib/view/describe-event';
import { onGiteeHost } from '../../lib/view/gitee-links';
import { localeText } from '../../lib/view/locales/locale-text';
import { renderJobs } from '../../lib/webhook/render-jobs';
import { fixtureNames } from '../helpers/fixtures';
import { parseFixture } from '../helpers/parse-fixture';

function robot(
  name: string,
  platform: PlatformName,
  locale: Locale,
  msgtype: string,
  timezone = locale === 'en' ? 'UTC' : 'Asia/Shanghai',
) {
  const settings: RobotSettings = {
    name,
    platform,
    webhook: new Secret(`https://127.0.0.1/${name}`),
    secret: null,
    keywords: platform === 'wecom' ? [] : ['GiteeRelay'],
    locale,
    msgtype: msgtype as RobotSettings['msgtype'],
    timezone,
    maxCommits: 5,
    linkMode: 'dingtalk',
  };
  return settings;
}

// Views shared across platforms and msgtypes, and one robot whose timezone alone differs.
const ROBOTS = [
  robot('d-zh', 'dingtalk', 'zh-CN', 'markdown'),
  robot('f-zh', 'feishu', 'zh-CN', 'interactive'),
  robot('w-zh', 'wecom', 'zh-CN', 'markdown'),
  robot('d-en', 'dingtalk', 'en', 'actionCard'),
  robot('f-en', 'feishu', 'en', 'post'),
  robot('w-en', 'wecom', 'en', 'text'),
  robot('d-zh-utc', 'dingtalk', 'zh-CN', 'text', 'UTC'),
];

const SETTINGS: Settings = {
  giteeSecrets: [],
  giteeAuth: 'either',
  links: { giteeHosts: ['gitee.com'] },
  robots: ROBOTS,
  routes: undefined,
  mentions: {},
  filters: { ignoreSenders: [], skipCommitPattern: null },
};

describe('renderJobs', () => {
  it.each(fixtureNames())(
    'gives %s to each robot exactly as a view of its own would render it',
    async (name) => {
      const delivery = parseFixture(name);
      const targets = ROBOTS.map((one) => ({ robot: one, atAll: one.locale === 'en' }));
      const jobs = await renderJobs(delivery, SETTINGS, targets, PLATFORMS);
      expect(jobs.map((job) => [job.robot.name, job.platform.name])).toEqual(
        ROBOTS.map((one) => [one.name, one.platform]),
      );
      jobs.forEach((job, index) => {
        const one = ROBOTS[index]!;
        const t = localeText(one.locale);
        const repository = onGiteeHost(delivery.repository, ['gitee.com']);
        const fresh = describeEvent({ ...delivery, repository }, { t, timezone: one.timezone });
        const expected = PLATFORMS[one.platform].render(fresh, {
          msgtype: one.msgtype,
          t,
          keywords: one.keywords,
          mentions: {},
          atAll: targets[index]!.atAll,
          maxCommits: 5,
          linkMode: 'dingtalk',
        });
        expect(job.message).toEqual(expected);
      });
    },
  );
});
