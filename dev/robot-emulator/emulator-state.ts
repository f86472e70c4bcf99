import type http from 'node:http';
import type { RateWindow } from './rate-window';
import type { EmulatedRobot, ReceivedMessage, RobotFault } from './types';

/** What one emulator remembers between requests. */
export interface EmulatorState {
  robots: EmulatedRobot[];
  now: () => number;
  received: ReceivedMessage[];
  faults: Map<string, RobotFault>;
  acceptedAt: RateWindow;
  enforceRateLimit: boolean;
  penaltyMs: number;
  /** Robot name → when its 130101 penalty ends. */
  penalties: Map<string, number>;
  listeners: Set<(message: ReceivedMessage) => void>;
  hanging: Set<http.ServerResponse>;
}

/** The robot's injected fault, if any, using up one of its `times`. */
export function takeFault(state: EmulatorState, robot: string): RobotFault | undefined {
  const fault = state.faults.get(robot);
  if (fault !== undefined && fault.kind !== 'hang' && --fault.times <= 0) {
    state.faults.delete(robot);
  }
  return fault;
}
