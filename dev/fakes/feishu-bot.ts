/**
 * A Feishu/Lark custom-bot emulator for tests and the local playground. It answers like
 * POST https://open.feishu.cn/open-apis/bot/v2/hook/<token>: signature and its one-hour window,
 * body shape, keywords in visible text, the 20 KB body cap and 5/s + 100/min, each with
 * Feishu's real code, msg and HTTP status. Source: ../shared/docs/feishu-wecom-robot-api.md §1.
 */
import { FEISHU_HOOK_PATH_PREFIX } from '../../lib/platforms/infer-platform';
import { createFeishuBot } from './feishu-bot/create-bot';
import { findNamed, serveFake, type FakeEmulator, type RunningFake } from './loopback-fake';

export { createFeishuBot, FEISHU_MAX_BODY_BYTES } from './feishu-bot/create-bot';

export interface EmulatedFeishuBot {
  name: string;
  /** The part after /open-apis/bot/v2/hook/. */
  token: string;
  /** The signing secret; when set, requests must carry a valid `timestamp` and `sign` (§1.3). */
  secret?: string;
  /** Custom keywords; when set, the visible text must contain one (§1.2). */
  keywords?: string[];
}

export interface FeishuBotOptions {
  bots: EmulatedFeishuBot[];
  /** Epoch ms; defaults to Date.now. */
  now?: () => number;
  /** Default true: 5 a second and 100 a minute per bot, then 9499 too many request (§1.7). */
  enforceRateLimit?: boolean;
}

/** One request that named a known bot, in the shape the playground feed shows. */
export interface FeishuReceivedMessage {
  platform: 'feishu';
  robot: string;
  /** The wire `msg_type`; '' when there was none. */
  msgtype: string;
  /** The parsed body with `sign` masked, or the raw text when it was not JSON. */
  message: unknown;
  /** Feishu's `code`, under `errcode` as for every platform; null for an injected HTTP fault. */
  errcode: number | null;
  errmsg: string;
  httpStatus: number;
  receivedAt: string;
}

/** Answers to force, `times` times, instead of the checks (e.g. 11232, or a 502). */
export type FeishuFault =
  | { kind: 'code'; httpStatus?: number; code: number; msg: string; times: number }
  | { kind: 'http'; status: number; times: number };

export interface FeishuBotEmulator extends FakeEmulator<FeishuReceivedMessage, FeishuFault> {
  /** The bots it answers for now. */
  readonly bots: readonly EmulatedFeishuBot[];
  /** Replaces the bots (the playground re-reads its settings); keeps messages. */
  setBots(bots: EmulatedFeishuBot[]): void;
}

export type RunningFeishuBot = RunningFake<FeishuBotEmulator>;

/** Serves a Feishu bot emulator on 127.0.0.1 on a free port. */
export async function startFeishuBot(options: FeishuBotOptions): Promise<RunningFeishuBot> {
  const emulator = createFeishuBot(options);
  return serveFake(emulator, (botName) => {
    return `${FEISHU_HOOK_PATH_PREFIX}${findNamed(emulator.bots, botName, 'bot').token}`;
  });
}
