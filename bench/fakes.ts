import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRobotEmulator, type RobotEmulator } from '../dev/dingtalk-robot';
import { startFakeSsm, type FakeSsm } from '../dev/fake-ssm';
import { ROBOTS, ssmParameters, type BenchRobot } from './scenario';

export interface BenchFakes {
  ssm: FakeSsm;
  robots: RobotEmulator;
  robotUrl(robot: BenchRobot): string;
  /** TCP connections the robot server has accepted: shows whether clients keep them alive. */
  robotConnections(): number;
  /** Requests the fake SSM has received so far, whatever the operation. */
  ssmCalls(): number;
  /** Epoch ms (sub-ms precision) at which each of those requests arrived. */
  ssmCallTimes: number[];
  close(): Promise<void>;
}

/**
 * The loopback fakes every relay in the benchmark talks to, in this (the parent) process: the
 * fake SSM and the DingTalk robot emulator, the latter without its 20-a-minute rate limit and
 * behind a server that counts connections.
 */
export async function startBenchFakes(): Promise<BenchFakes> {
  const robots = createRobotEmulator({
    robots: ROBOTS.map(({ name, accessToken, secret, keywords }) => ({
      name,
      accessToken,
      secret,
      keywords,
    })),
    enforceRateLimit: false,
  });
  let connections = 0;
  const server = http.createServer((req, res) => robots.handle(req, res));
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const robotUrl = (robot: BenchRobot) =>
    `http://127.0.0.1:${port}/robot/send?access_token=${encodeURIComponent(robot.accessToken)}`;
  const ssm = await startFakeSsm(ssmParameters(robotUrl));
  // When each request arrived, to see whether a cold start's settings load overlaps its module
  // evaluation; the fake records calls but not their time, so its array's push is timed.
  const ssmCallTimes: number[] = [];
  const record = ssm.calls.push.bind(ssm.calls);
  ssm.calls.push = (...calls) => {
    const at = performance.timeOrigin + performance.now();
    ssmCallTimes.push(...calls.map(() => at));
    return record(...calls);
  };
  return {
    ssm,
    robots,
    robotUrl,
    robotConnections: () => connections,
    ssmCalls: () => ssm.calls.length,
    ssmCallTimes,
    async close() {
      server.closeAllConnections();
      await Promise.all([new Promise((resolve) => server.close(resolve)), ssm.close()]);
    },
  };
}
