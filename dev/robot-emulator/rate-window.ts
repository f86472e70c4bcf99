const RATE_WINDOW_MS = 60 * 1000; // §6: 20 messages per minute per robot
const RATE_LIMIT = 20;

/** Per robot, when its accepted messages arrived: the sliding one-minute window (§6). */
export type RateWindow = Map<string, number[]>;

/** Counts an accepted message, or says the robot is over 20 per minute (§6). */
export function takeRateSlot(window: RateWindow, robot: string, time: number): boolean {
  const recent = (window.get(robot) ?? []).filter((t) => time - t < RATE_WINDOW_MS);
  window.set(robot, recent);
  if (recent.length >= RATE_LIMIT) return false;
  recent.push(time);
  return true;
}
