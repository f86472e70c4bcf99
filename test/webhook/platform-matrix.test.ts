import type { PlatformName } from '../../lib/platforms/chat-platform';
import { DINGTALK_MSGTYPES, FEISHU_MSGTYPES, WECOM_MSGTYPES } from '../../lib/platforms/catalog';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay, type TestRobot } from '../helpers/relay-harness';
import {
  shownDingTalk,
  shownFeishu,
  shownWecom,
  type ShownMessage,
} from '../helpers/shown-message';

type Relay = Awaited<ReturnType<typeof startRelay>>;

// Words no Gitee payload here contains, so only the relay can have put them in the message.
const KEYWORD = { dingtalk: '研发通知', feishu: '飞书提醒' } as const;
const LOCALES = { zh: 'zh-CN', en: 'en' } as const;
type LocaleTag = keyof typeof LOCALES;

/**
 * People from the fixtures. kit101 acts in most of them; gy2006 and zhangsan are pinged by the
 * comment variant below, one reachable on DingTalk by mobile, the other by userId.
 */
const PEOPLE = {
  kit101: {
    mobile: '13800000101',
    userId: 'dt_kit101',
    feishu: 'ou_test_kit101',
    wecom: 'wc_kit101',
  },
  gy2006: { mobile: '13800002006', feishu: 'ou_test_gy2006' },
  zhangsan: { userId: 'dt_zhangsan', feishu: 'ou_test_zhangsan', wecom: 'wc_zhangsan' },
};
const idsOf = (key: 'mobile' | 'userId' | 'feishu' | 'wecom'): string[] =>
  Object.values(PEOPLE).flatMap((one) =>
    key in one ? [(one as Record<string, string>)[key]!] : [],
  );

interface MatrixRobot extends TestRobot {
  platform: PlatformName;
  msgtype: string;
  locale: LocaleTag;
}

const MSGTYPES: Record<PlatformName, readonly string[]> = {
  dingtalk: DINGTALK_MSGTYPES,
  feishu: FEISHU_MSGTYPES,
  wecom: WECOM_MSGTYPES,
};

const ROBOTS: MatrixRobot[] = (Object.keys(LOCALES) as LocaleTag[]).flatMap((locale) =>
  (Object.keys(MSGTYPES) as PlatformName[]).flatMap((platform) =>
    MSGTYPES[platform].map((msgtype) => ({
      name: `${platform}-${msgtype.toLowerCase().replace('_', '-')}-${locale}`,
      platform,
      msgtype,
      locale,
      ...(platform === 'dingtalk'
        ? { secret: `SECtest-${msgtype}-${locale}-0123456789abcdef`, keywords: [KEYWORD.dingtalk] }
        : platform === 'feishu'
          ? { secret: `SECtest-feishu-${msgtype}-${locale}-0123`, keywords: [KEYWORD.feishu] }
          : {}),
    })),
  ),
);

function configFor(robots: MatrixRobot[]): string {
  const lines = ['robots:'];
  for (const robot of robots) {
    lines.push(`  ${robot.name}:`, `    platform: ${robot.platform}`);
    lines.push(`    msgtype: ${robot.msgtype}`, `    locale: ${LOCALES[robot.locale]}`);
    if (robot.keywords) lines.push(`    keywords: ${JSON.stringify(robot.keywords)}`);
  }
  lines.push('mentions:');
  for (const [login, ids] of Object.entries(PEOPLE)) {
    lines.push(`  ${login}: ${JSON.stringify(ids)}`);
  }
  return lines.join('\n');
}

interface Received {
  robot: MatrixRobot;
  errcode: number | null;
  shown: ShownMessage;
}

function receivedBy(relay: Relay): Received[] {
  const byName = new Map(ROBOTS.map((robot) => [robot.name, robot]));
  const from = (
    messages: ReadonlyArray<{ robot: string; errcode: number | null; message: unknown }>,
    show: (message: unknown) => ShownMessage,
  ) =>
    messages.map((one) => ({
      robot: byName.get(one.robot)!,
      errcode: one.errcode,
      shown: show(one.message),
    }));
  return [
    ...from(relay.dingtalk.emulator.received, shownDingTalk),
    ...from(relay.feishu.emulator.messages, shownFeishu),
    ...from(relay.wecom.emulator.messages, shownWecom),
  ];
}

/** Markdown and card markers are not what a reader sees as a title. */
const visible = (text: string): string => text.replace(/[#*>_~`\s]/g, '');

function expectInvariants({ robot, errcode, shown }: Received): void {
  const where = `${robot.name}: ${JSON.stringify(shown)}`;
  expect([where, errcode]).toEqual([where, 0]);
  expect([where, shown.kind]).toEqual([where, robot.msgtype]);
  expect([where, visible(shown.title).length > 0]).toEqual([where, true]);
  if (shown.limit !== null) {
    expect([where, shown.bytes <= shown.limit]).toEqual([where, true]);
  }
  const keyword = robot.platform === 'wecom' ? null : KEYWORD[robot.platform];
  if (keyword) {
    expect([where, shown.title.includes(keyword)]).toEqual([where, true]);
    expect([where, shown.body.includes(keyword)]).toEqual([where, true]);
  }
  expect([where, shown.links.length > 0]).toEqual([where, true]);
  for (const link of shown.links) {
    const url = new URL(link);
    expect([where, url.protocol, url.hostname]).toEqual([where, 'https:', 'gitee.com']);
  }
  expectPingsInOwnFields(robot, shown, where);
}

/** Each platform pings only with its own identities, only in its own fields. */
function expectPingsInOwnFields(robot: MatrixRobot, shown: ShownMessage, where: string): void {
  const everything = JSON.stringify(shown);
  const foreign: Record<PlatformName, string[]> = {
    dingtalk: [...idsOf('feishu'), ...idsOf('wecom')],
    feishu: [...idsOf('mobile'), ...idsOf('userId'), ...idsOf('wecom')],
    wecom: [...idsOf('userId'), ...idsOf('feishu')],
  };
  for (const id of foreign[robot.platform]) {
    expect([where, everything.includes(id)]).toEqual([where, false]);
  }
  const own: Record<string, string[]> = {
    atMobiles: idsOf('mobile'),
    atUserIds: idsOf('userId'),
    at: idsOf('feishu'),
    tokens: idsOf('wecom'),
    mentioned_list: idsOf('wecom'),
    mentioned_mobile_list: idsOf('mobile'),
  };
  for (const [field, ids] of Object.entries(shown.pings)) {
    for (const id of ids)
      expect([where, field, own[field]?.includes(id)]).toEqual([where, field, true]);
  }
  if (robot.platform === 'dingtalk' && robot.msgtype !== 'text') {
    // markdown and actionCard notify by `at` but render the mention only where the body says so.
    for (const id of [...shown.pings.atMobiles!, ...shown.pings.atUserIds!]) {
      expect([where, shown.body.includes(`@${id}`)]).toEqual([where, true]);
    }
  }
}

/** The pings a message to `robot` carries, as one sorted list per field that has any. */
function pingsOf(shown: ShownMessage): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(shown.pings)
      .filter(([, ids]) => ids.length > 0)
      .map(([field, ids]) => [field, [...ids].sort()]),
  );
}

/** What each msgtype must ping for a comment naming @gy2006 and @zhangsan (see PEOPLE). */
function expectedPings(robot: MatrixRobot): Record<string, string[]> {
  switch (robot.platform) {
    case 'dingtalk':
      return { atMobiles: [PEOPLE.gy2006.mobile], atUserIds: [PEOPLE.zhangsan.userId] };
    case 'feishu':
      return { at: [PEOPLE.gy2006.feishu, PEOPLE.zhangsan.feishu].sort() };
    case 'wecom':
      // markdown reaches userids only; text userids, else mobiles; the others reach nobody.
      if (robot.msgtype === 'markdown') return { tokens: [PEOPLE.zhangsan.wecom] };
      if (robot.msgtype === 'text') {
        return {
          mentioned_list: [PEOPLE.zhangsan.wecom],
          mentioned_mobile_list: [PEOPLE.gy2006.mobile],
        };
      }
      return {};
  }
}

async function deliver(relay: Relay, body: Record<string, unknown>) {
  relay.dingtalk.emulator.reset();
  relay.feishu.emulator.reset();
  relay.wecom.emulator.reset();
  const answer = await relay.handler(signedGiteeEvent({ body, secret: GITEE_SECRET }));
  return {
    statusCode: answer.statusCode,
    answer: JSON.parse(answer.body) as { status: string; deliveries: unknown[] },
    received: receivedBy(relay),
  };
}

const everyRobotOk = ROBOTS.map((robot) => ({
  robot: robot.name,
  platform: robot.platform,
  ok: true,
}));
const byRobot = <T extends { robot: unknown }>(items: T[]): T[] =>
  [...items].sort((a, b) => String(a.robot).localeCompare(String(b.robot)));

describe('every fixture × every msgtype of each platform × both locales', () => {
  let relay: Relay;
  beforeAll(async () => {
    // 22 robots, 26 events each within seconds: pacing is off here (test/send/throttle.test.ts
    // covers it), and each case starts the emulators' rate windows afresh.
    relay = await startRelay({
      robots: ROBOTS,
      config: configFor(ROBOTS),
      rateLimits: () => null,
    });
  });
  afterAll(() => relay.close());

  it.each(fixtureNames())('%s reaches every robot as its users should see it', async (name) => {
    const { statusCode, answer, received } = await deliver(relay, loadFixture(name));

    expect(statusCode).toBe(200);
    expect(answer.status).toBe(name.startsWith('ping') ? 'pong' : 'delivered');
    expect(byRobot(answer.deliveries as Array<{ robot: string }>)).toEqual(byRobot(everyRobotOk));
    expect(received.map((one) => one.robot.name).sort()).toEqual(
      ROBOTS.map((robot) => robot.name).sort(),
    );
    received.forEach(expectInvariants);
    // Every login in these payloads is the actor, who is never pinged about their own doing.
    for (const one of received)
      expect([one.robot.name, pingsOf(one.shown)]).toEqual([one.robot.name, {}]);
  });

  it('pings the people a comment names, each platform in its own fields', async () => {
    const body = loadFixture('note-pull_request');
    const comment = body.comment as Record<string, unknown>;
    body.comment = { ...comment, body: '@gy2006 @zhangsan please review' };

    const { statusCode, received } = await deliver(relay, body);

    expect(statusCode).toBe(200);
    expect(received).toHaveLength(ROBOTS.length);
    received.forEach(expectInvariants);
    for (const one of received) {
      expect([one.robot.name, pingsOf(one.shown)]).toEqual([
        one.robot.name,
        expectedPings(one.robot),
      ]);
    }
  });
});
