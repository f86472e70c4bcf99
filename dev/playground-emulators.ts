import type http from 'node:http';
import type { PlatformName } from '../lib/platforms/infer-platform';
import { createRobotEmulator, type ReceivedMessage } from './dingtalk-robot';
import type { EmulatedRobots } from './emulated-robots';
import { emulatorPlatformOf } from './emulator-urls';
import { createFeishuBot, type FeishuReceivedMessage } from './fakes/feishu-bot';
import { createWecomRobot, type WecomReceivedMessage } from './fakes/wecom-robot';

/** One request an emulator recorded, with the platform whose emulator took it. */
export type PlaygroundMessage =
  (ReceivedMessage & { platform: 'dingtalk' }) | FeishuReceivedMessage | WecomReceivedMessage;

/** The DingTalk, Feishu and WeCom emulators on the playground's one port. */
export interface PlaygroundEmulators {
  /** Which emulator serves a request path; null when none does. */
  platformOf(pathname: string): PlatformName | null;
  /** Answers a request to one of the emulators' paths, as that platform's server would. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Replaces the robots each emulator answers for; keeps recorded messages. */
  setRobots(robots: EmulatedRobots): void;
  /** Calls `listener` for each message any emulator records; returns the unsubscribe function. */
  onMessage(listener: (message: PlaygroundMessage) => void): () => void;
  /** Forgets messages, faults and rate counts of every emulator; keeps robots and listeners. */
  reset(): void;
}

/**
 * Each emulator keeps its own checks: the Host names this machine, the body is read only up
 * to its cap (DingTalk 20 KiB, Feishu 20,480 bytes, WeCom 64 KiB) and the real codes come
 * back. The playground's own Host and Origin guard runs before any of them.
 */
export function createPlaygroundEmulators(options: { now?: () => number }): PlaygroundEmulators {
  const { now } = options;
  const dingtalk = createRobotEmulator({ robots: [], now });
  const feishu = createFeishuBot({ bots: [], now });
  const wecom = createWecomRobot({ robots: [], now });
  const listeners = new Set<(message: PlaygroundMessage) => void>();
  const tell = (message: PlaygroundMessage) => {
    for (const listener of listeners) listener(message);
  };
  dingtalk.onMessage((message) => tell({ platform: 'dingtalk', ...message }));
  feishu.onMessage(tell);
  wecom.onMessage(tell);
  const handlers: Record<PlatformName, http.RequestListener> = {
    dingtalk: (req, res) => dingtalk.handle(req, res),
    feishu: (req, res) => feishu.handle(req, res),
    wecom: (req, res) => wecom.handle(req, res),
  };
  return {
    platformOf: emulatorPlatformOf,
    handle(req, res) {
      const platform = emulatorPlatformOf(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (platform === null) return void res.writeHead(404).end('not found');
      handlers[platform](req, res);
    },
    setRobots(robots) {
      dingtalk.setRobots(robots.dingtalk);
      feishu.setBots(robots.feishu);
      wecom.setRobots(robots.wecom);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reset() {
      dingtalk.reset();
      feishu.reset();
      wecom.reset();
    },
  };
}
