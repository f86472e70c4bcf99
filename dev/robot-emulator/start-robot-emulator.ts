import http from 'node:http';
import type { Socket } from 'node:net';
import { createRobotEmulator } from './create-robot-emulator';
import { findRobot } from './robot-list';
import type { RobotEmulatorOptions, RunningRobotEmulator } from './types';

/** Serves an emulator on 127.0.0.1 on a free port; close() also drops hanging connections. */
export async function startRobotEmulator(
  options: RobotEmulatorOptions,
): Promise<RunningRobotEmulator> {
  const emulator = createRobotEmulator(options);
  const server = http.createServer((req, res) => emulator.handle(req, res));
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator has no port');
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    emulator,
    url(robotName) {
      const token = encodeURIComponent(findRobot(options.robots, robotName).accessToken);
      return `http://127.0.0.1:${address.port}/robot/send?access_token=${token}`;
    },
    close() {
      if (server.listening) server.close();
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}
