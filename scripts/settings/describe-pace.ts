import { ROBOT_NAME_PATTERN } from '../../lib/settings/parameters';
import type { RobotPace } from './pace-items';

const WINDOW_MS = 60_000;

/** One robot's line in `status`: its name and group, then what its pacing item says. */
export function describeRobotPace({ group, pace }: RobotPace, now: number): string {
  const recent = pace.sent.filter((at) => at > now - WINDOW_MS && at <= now).length;
  const parts = [
    `${recent} sent in the last 60 s`,
    `${pace.pendingCount} pending`,
    pace.blockedUntil > now
      ? `blocked until ${iso(pace.blockedUntil)} (${formatAge(pace.blockedUntil - now)} from now)`
      : 'not blocked',
    pace.lastError
      ? `last error ${plain(pace.lastError.reason)}${pace.lastError.errcode === undefined ? '' : ` (errcode ${pace.lastError.errcode})`} at ${iso(pace.lastError.at)}`
      : 'no error',
    pace.lastSuccessAt === null ? 'no success yet' : `last success ${iso(pace.lastSuccessAt)}`,
  ];
  const name = ROBOT_NAME_PATTERN.test(pace.robot) ? pace.robot : '(unnamed)';
  return `${name} [${group}]: ${parts.join(', ')}`;
}

/** `4m 10s`, `2h 3m`, `12s`: an age an operator reads at a glance. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The table's reason is ours (a keyword); anything else is not printed as it is. */
function plain(reason: string): string {
  return /^[a-z_ -]{1,40}$/i.test(reason) ? reason : '(unreadable)';
}
