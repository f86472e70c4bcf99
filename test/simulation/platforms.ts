import { startRobotEmulator, type RunningRobotEmulator } from '../../dev/dingtalk-robot';
import { startFeishuBot, type RunningFeishuBot } from '../../dev/fakes/feishu-bot';
import { startWecomRobot, type RunningWecomRobot } from '../../dev/fakes/wecom-robot';
import type { PlatformName } from '../../lib/platforms/chat-platform';
import type { VirtualClock } from '../../dev/queue/virtual-clock';

/** A robot of the simulation: in the settings, and on its platform's emulator. */
export interface SimRobot {
  name: string;
  /** Default dingtalk. */
  platform?: PlatformName;
  /** DingTalk's SEC… or Feishu's signing secret. */
  secret?: string;
  /** The keywords the settings give the robot. */
  keywords?: string[];
  /** The keywords the group's robot really has, when they differ (a misconfiguration). */
  groupKeywords?: string[];
}

/** The robot most scenarios use: DingTalk, signed, with the keyword Gitee. */
export const TEAM_ROBOT: SimRobot = {
  name: 'team',
  secret: 'SECtest-team-0123456789abcdef',
  keywords: ['Gitee'],
};

/** One request a platform emulator received, as the invariants read it. */
export interface GroupMessage {
  platform: PlatformName;
  robot: string;
  message: unknown;
  /** null: no platform answer (an injected HTTP fault). */
  errcode: number | null;
  at: number;
}

export interface Platforms {
  dingtalk: RunningRobotEmulator;
  feishu: RunningFeishuBot;
  wecom: RunningWecomRobot;
  url(robot: SimRobot): string;
  /** Every request every emulator received, oldest first. */
  messages(): GroupMessage[];
  close(): Promise<void>;
}

const platformOf = (robot: SimRobot): PlatformName => robot.platform ?? 'dingtalk';

/**
 * The three platforms' emulators on the simulation's clock. DingTalk's enforces 20 a minute
 * and the 10-minute penalty; Feishu's 5 a second and 100 a minute; WeCom's 20 a minute.
 */
export async function startPlatforms(robots: SimRobot[], clock: VirtualClock): Promise<Platforms> {
  const now = clock.now;
  const on = (platform: PlatformName) => robots.filter((robot) => platformOf(robot) === platform);
  const groupKeywords = (robot: SimRobot) => robot.groupKeywords ?? robot.keywords;
  const dingtalk = await startRobotEmulator({
    now,
    robots: on('dingtalk').map((r) => ({
      name: r.name,
      accessToken: `tokentest-${r.name}`,
      secret: r.secret,
      keywords: groupKeywords(r),
    })),
  });
  const feishu = await startFeishuBot({
    now,
    bots: on('feishu').map((r) => ({
      name: r.name,
      token: `tokentest-${r.name}`,
      secret: r.secret,
      keywords: groupKeywords(r),
    })),
  });
  const wecom = await startWecomRobot({
    now,
    robots: on('wecom').map((r) => ({ name: r.name, key: `keytest-${r.name}` })),
  });
  const at = (iso: string) => Date.parse(iso);
  return {
    dingtalk,
    feishu,
    wecom,
    url: (robot) => ({ dingtalk, feishu, wecom })[platformOf(robot)].url(robot.name),
    messages: () =>
      [
        ...dingtalk.emulator.received.map((m) => ({ ...m, platform: 'dingtalk' as const })),
        ...feishu.messages,
        ...wecom.messages,
      ]
        .map((m) => ({
          platform: m.platform,
          robot: m.robot,
          message: m.message,
          errcode: m.errcode,
          at: at(m.receivedAt),
        }))
        .sort((a, b) => a.at - b.at),
    close: async () => {
      await Promise.all([dingtalk.close(), feishu.close(), wecom.close()]);
    },
  };
}
