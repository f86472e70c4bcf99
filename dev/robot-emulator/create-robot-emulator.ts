import type { EmulatorState } from './emulator-state';
import { readCappedBody } from './read-capped-body';
import { respond } from './respond';
import { checkUnique, findRobot } from './robot-list';
import type { RobotEmulator, RobotEmulatorOptions } from './types';

const PENALTY_MS = 10 * 60 * 1000; // §6: DingTalk blocks a robot for 10 minutes after 130101

export function createRobotEmulator(options: RobotEmulatorOptions): RobotEmulator {
  checkUnique(options.robots);
  const state: EmulatorState = {
    robots: options.robots,
    now: options.now ?? Date.now,
    received: [],
    faults: new Map(),
    acceptedAt: new Map(),
    enforceRateLimit: options.enforceRateLimit ?? true,
    penaltyMs: options.penaltyMs ?? (options.enforceRateLimit === false ? 0 : PENALTY_MS),
    penalties: new Map(),
    listeners: new Set(),
    hanging: new Set(),
  };
  return {
    received: state.received,
    handle(req, res) {
      readCappedBody(req, (body) => respond(state, req, res, body));
      req.on('error', () => res.destroy());
    },
    setFault(robotName, fault) {
      findRobot(state.robots, robotName);
      if (fault === null) state.faults.delete(robotName);
      else state.faults.set(robotName, { ...fault });
    },
    penalize(robotName, until) {
      findRobot(state.robots, robotName);
      state.penalties.set(robotName, until);
    },
    penaltyUntil(robotName) {
      const until = state.penalties.get(robotName);
      return until !== undefined && until > state.now() ? until : null;
    },
    setRobots(robots) {
      checkUnique(robots);
      state.robots = robots;
    },
    onMessage(listener) {
      state.listeners.add(listener);
      return () => void state.listeners.delete(listener);
    },
    reset() {
      state.received.length = 0;
      state.faults.clear();
      state.acceptedAt.clear();
      state.penalties.clear();
      for (const res of state.hanging) res.destroy();
      state.hanging.clear();
    },
  };
}
