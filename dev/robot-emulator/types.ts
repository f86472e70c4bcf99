/** The emulator's public types; dev/dingtalk-robot.ts re-exports them. */
import type http from 'node:http';

export interface EmulatedRobot {
  name: string;
  accessToken: string;
  /** The SEC… secret; when set, requests must be signed (§2). */
  secret?: string;
  /** Custom keywords; when set, the message must contain one (§3). */
  keywords?: string[];
}

export interface RobotEmulatorOptions {
  robots: EmulatedRobot[];
  now?: () => number;
  /**
   * Default true: over 20 accepted messages a minute a robot answers 130101, as DingTalk does
   * (§6). Benchmarks that send thousands of messages pass false.
   */
  enforceRateLimit?: boolean;
  /**
   * After answering a 130101 the robot answers 130101 to everything for this long, as
   * DingTalk blocks a robot that went over (§6). Default 10 minutes when the rate limit is
   * enforced, else 0.
   */
  penaltyMs?: number;
}

export type RobotFault =
  | { kind: 'hang' }
  | { kind: 'errcode'; errcode: number; errmsg: string; times: number }
  | { kind: 'http'; status: number; times: number };

export interface ReceivedMessage {
  robot: string;
  /** '' when the body had no msgtype. */
  msgtype: string;
  /** The parsed body, or the raw text when it was not JSON. */
  message: unknown;
  /** null when the answer was not a DingTalk result (an injected HTTP fault or hang). */
  errcode: number | null;
  errmsg: string;
  /** null while the request hangs. */
  httpStatus: number | null;
  receivedAt: string;
}

export interface RobotEmulator {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Every request that named a known robot, accepted or not, newest last. */
  readonly received: ReceivedMessage[];
  setFault(robotName: string, fault: RobotFault | null): void;
  /** Puts a robot in DingTalk's penalty until then (epoch ms): it answers 130101 to everything. */
  penalize(robotName: string, until: number): void;
  /** When the robot's penalty ends, or null when it is not in one. */
  penaltyUntil(robotName: string): number | null;
  /** Replaces the robots (the playground re-reads its settings file); keeps received messages. */
  setRobots(robots: EmulatedRobot[]): void;
  /** Calls `listener` for each new received message; returns the unsubscribe function. */
  onMessage(listener: (message: ReceivedMessage) => void): () => void;
  /** Forgets messages, faults, penalties and rate counts, drops hanging requests; keeps listeners. */
  reset(): void;
}

export interface RunningRobotEmulator {
  /** The full webhook URL of a robot, on 127.0.0.1. */
  url(robotName: string): string;
  emulator: RobotEmulator;
  close(): Promise<void>;
}
