import type { PlatformName } from '../platforms/infer-platform';

/**
 * What became of queued events (issue 11 "Local fates"): the consumer reports one outcome per
 * record or digest through `observe`, and logs the same as one line.
 * - queued: stored as pending, to go out in the robot's next digest;
 * - deferred: waiting (the robot is blocked, out of slots, or backing off) until `until`;
 * - sent: posted alone; merged: posted in a digest of `digestOf`;
 * - dead-lettered: moved to the DLQ for `reason`.
 */
export type DeliveryFate = 'queued' | 'deferred' | 'sent' | 'merged' | 'dead-lettered';

export interface DeliveryOutcome {
  fate: DeliveryFate;
  /** The robot's name ('' when the body could not be read). */
  robot: string;
  /** null when the robot is no longer in the settings or the body could not be read. */
  platform: PlatformName | null;
  /** The events' keys (the queue messages' deduplication ids); empty for an unreadable body. */
  keys: string[];
  /** deferred: epoch ms of the next attempt. */
  until?: number;
  /** deferred: the failure that caused it; dead-lettered: the DLQ reason. */
  reason?: string;
  /** merged: every event of the digest, in order. */
  digestOf?: string[];
}

/** The DLQ's `reason` attribute (contract). */
export type DeadLetterReason =
  | 'keyword'
  | 'signature'
  | 'token'
  | 'ip'
  | 'robot_removed'
  | 'unparseable'
  | 'expired'
  | 'attempts'
  | 'too_long'
  | 'rejected';
