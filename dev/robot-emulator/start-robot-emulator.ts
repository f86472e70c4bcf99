import { listenOnLoopback } from '../fakes/loopback-fake';
import { createRobotEmulator } from './create-robot-emulator';
import { findRobot } from './robot-list';
import type { RobotEmulatorOptions, RunningRobotEmulator } from './types';

/** Serves an emulator on 127.0.0.1 on a free port; close() also drops hanging connections. */
export async function startRobotEmulator(
  options: RobotEmulatorOptions,
): Promise<RunningRobotEmulator> {
  const emulator = createRobotEmulator(options);
  const server = await listenOnLoopback((req, res) => emulator.handle(req, res));
  return {
    emulator,
    url(robotName) {
      const token = encodeURIComponent(findRobot(options.robots, robotName).accessToken);
      return `${server.origin}/robot/send?access_token=${token}`;
    },
    close: () => server.close(),
  };
}
