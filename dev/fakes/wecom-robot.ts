/**
 * A WeCom (企业微信) group-robot emulator for tests and the local playground. It answers like
 * POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>: the key, msgtype spelling,
 * empty and over-long content in UTF-8 bytes per msgtype, template_card's required fields and
 * 20 messages a minute, each with WeCom's real errcode and errmsg (always HTTP 200). WeCom has
 * no signing, keywords or IP list, so there is nothing else to check.
 * Source: ../shared/docs/feishu-wecom-robot-api.md §2.
 */
import { WECOM_SEND_PATH } from '../../lib/platforms/infer-platform';
import { findNamed, serveFake, type FakeEmulator, type RunningFake } from './loopback-fake';
import { createWecomRobot } from './wecom-robot/create-robot';

export { createWecomRobot, WECOM_MAX_BODY_BYTES } from './wecom-robot/create-robot';

export interface EmulatedWecomRobot {
  name: string;
  /** The `key` query parameter of its webhook, its only credential (§2.1). */
  key: string;
}

export interface WecomRobotOptions {
  robots: EmulatedWecomRobot[];
  /** Epoch ms; defaults to Date.now. */
  now?: () => number;
  /** Default true: over 20 accepted messages a minute a robot answers 45009 (§2.6). */
  enforceRateLimit?: boolean;
}

/** One request that named a known robot, in the shape the playground feed shows. */
export interface WecomReceivedMessage {
  platform: 'wecom';
  robot: string;
  /** The wire msgtype; '' when there was none. */
  msgtype: string;
  /** The parsed body, or the raw text when it was not JSON. */
  message: unknown;
  /** null for an injected HTTP fault. */
  errcode: number | null;
  errmsg: string;
  httpStatus: number;
  receivedAt: string;
}

/** Answers to force, `times` times, instead of the checks (e.g. -1 busy, or a 502). */
export type WecomFault =
  | { kind: 'errcode'; errcode: number; errmsg: string; times: number }
  | { kind: 'http'; status: number; times: number };

export interface WecomRobotEmulator extends FakeEmulator<WecomReceivedMessage, WecomFault> {
  /** The robots it answers for now. */
  readonly robots: readonly EmulatedWecomRobot[];
  /** Replaces the robots (the playground re-reads its settings); keeps messages. */
  setRobots(robots: EmulatedWecomRobot[]): void;
}

export type RunningWecomRobot = RunningFake<WecomRobotEmulator>;

/** Serves a WeCom robot emulator on 127.0.0.1 on a free port. */
export async function startWecomRobot(options: WecomRobotOptions): Promise<RunningWecomRobot> {
  const emulator = createWecomRobot(options);
  return serveFake(emulator, (robotName) => {
    const { key } = findNamed(emulator.robots, robotName, 'robot');
    return `${WECOM_SEND_PATH}?key=${encodeURIComponent(key)}`;
  });
}
