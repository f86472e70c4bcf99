import type { PlatformName } from '../../platforms/infer-platform';
import type { RobotSettings, Settings } from '../../settings/types';
import type { DeadLetterReason } from '../outcome';
import { parseQueueMessage } from '../parse-message';
import type { QueueMessageBody } from '../ports';

/** More than this since the message last entered the queue: dead letter `expired`. */
export const EXPIRY_MS = 24 * 60 * 60_000;
/** Receives (or failed digest attempts) from which the consumer dead-letters it itself. */
export const MAX_RECEIVES = 90;

/** A queued event the consumer can deliver, or why it goes to the DLQ instead. */
export type ClassifiedEvent =
  | { ok: true; body: QueueMessageBody; robot: RobotSettings }
  | {
      ok: false;
      reason: DeadLetterReason;
      robot: string;
      /** null when the robot is gone or the body named none. */
      platform: PlatformName | null;
      key: string | null;
    };

/**
 * The checks that need no store: a readable body of a known version, a robot still in the
 * settings, less than a day in the queue, fewer than 90 tries. `sentTimestamp` is when the
 * message last entered the queue (a redrive renews it), never the event's own time.
 */
export function classifyEvent(
  text: string,
  facts: { sentTimestamp: number; tries: number },
  settings: Settings,
  now: number,
): ClassifiedEvent {
  const parsed = parseQueueMessage(text);
  if (!parsed.ok) {
    return { ok: false, reason: 'unparseable', robot: '', platform: null, key: null };
  }
  const { body } = parsed;
  const robot = settings.robots.find((candidate) => candidate.name === body.robot);
  const dead = (reason: DeadLetterReason): ClassifiedEvent => ({
    ok: false,
    reason,
    robot: body.robot,
    platform: robot?.platform ?? null,
    key: body.key,
  });
  if (robot === undefined) return dead('robot_removed');
  if (now - facts.sentTimestamp > EXPIRY_MS) return dead('expired');
  if (facts.tries >= MAX_RECEIVES) return dead('attempts');
  return { ok: true, body, robot };
}
