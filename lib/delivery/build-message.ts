import type { ParsedDelivery } from '../gitee/event';
import type { RobotSettings } from '../settings/types';
import type { EventView } from '../view/event-view';
import { cutName } from '../webhook/cut-name';
import { compactView } from './compact-view';
import { robotGroupId } from './group-id';
import { QUEUE_MESSAGE_VERSION, type QueueEntry, type QueueMessageBody } from './ports';

export interface EventMessageInput {
  robot: RobotSettings;
  /** The event described in the robot's locale and time zone (describeForTargets). */
  view: EventView;
  delivery: ParsedDelivery;
  /** The MessageDeduplicationId (deduplicationId). */
  key: string;
  receivedAt: number;
  atAll: boolean;
}

/**
 * One robot's queue message (issue 11, "Queue message"): the robot by name only, so the consumer
 * draws it with the robot's settings and platform at delivery time, and the view compacted to
 * what that robot's message can show. Nothing secret goes in: no webhook, no credential, no
 * raw body (its `password` and `sign` never reach a view).
 */
export function buildQueueMessage(input: EventMessageInput): QueueMessageBody {
  const { robot, delivery } = input;
  return {
    v: QUEUE_MESSAGE_VERSION,
    robot: robot.name,
    key: input.key,
    receivedAt: input.receivedAt,
    event: {
      kind: delivery.kind,
      action: delivery.kind === 'ping' ? 'ping' : cutName(delivery.action),
      repository: cutName(delivery.repository.path),
    },
    view: compactView(input.view, robot.maxCommits),
    ...(input.atAll ? { atAll: true as const } : {}),
  };
}

/** The SendMessageBatch entry of a message: the robot's group, the key as deduplication id. */
export function eventEntry(id: string, robot: RobotSettings, body: QueueMessageBody): QueueEntry {
  return {
    id,
    groupId: robotGroupId(robot),
    deduplicationId: body.key,
    body: JSON.stringify(body),
  };
}
