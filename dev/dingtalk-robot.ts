/**
 * A DingTalk custom-robot emulator for tests and the local playground: it answers like
 * POST https://oapi.dingtalk.com/robot/send, with the checks in the real order and the real
 * errcodes (HTTP 200 + JSON). Source: ../shared/docs/dingtalk-robot-api.md §1–§6.
 * The parts live in ./robot-emulator/; importers keep importing from here.
 */
export { createRobotEmulator } from './robot-emulator/create-robot-emulator';
export { startRobotEmulator } from './robot-emulator/start-robot-emulator';
export type {
  EmulatedRobot,
  ReceivedMessage,
  RobotEmulator,
  RobotEmulatorOptions,
  RobotFault,
  RunningRobotEmulator,
} from './robot-emulator/types';
