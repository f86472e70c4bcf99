import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { deliveryResourceNames, findDeliveryQueues, queueAttributes } from './delivery-resources';
import {
  passOverDlq,
  PREVIEW_VISIBILITY_SECONDS,
  releaseLetters,
  unreadNote,
  type DeadLetter,
} from './dlq-pass';
import { describeRobotPace, formatAge } from './describe-pace';
import type { WriteLine } from './output';
import { scanPaceItems, type RobotPace } from './pace-items';

export interface OperatorClients {
  sqs: SQSClient;
  dynamo: DynamoDBClient;
  now: () => number;
}

/**
 * `status --stage S`: queue depth, the oldest pending event, the DLQ by reason and each robot's
 * pace. Prints names, counts, reasons, error codes and times only: never a body, a webhook or
 * anything from the settings.
 */
export async function showDeliveryStatus(
  clients: OperatorClients,
  stage: string,
  out: WriteLine,
): Promise<void> {
  const names = deliveryResourceNames(stage);
  const queues = await findDeliveryQueues(clients.sqs, stage);
  const depth = await queueDepth(clients.sqs, queues.queue);
  const dlqDepth = await queueDepth(clients.sqs, queues.dlq);
  const now = clients.now();
  const robots = await scanPaceItems(clients.dynamo, names.table, now);

  out(`Stage ${stage}: ${names.queue}, table ${names.table}`);
  out(`Delivery queue: ${depth.waiting} waiting, ${depth.inFlight} in flight`);
  out(oldestPendingLine(robots, now));
  out(`Dead-letter queue: ${dlqDepth.waiting + dlqDepth.inFlight} message(s)`);
  if (dlqDepth.waiting > 0) {
    const letters = await passOverDlq(clients.sqs, queues.dlq, {
      visibilitySeconds: PREVIEW_VISIBILITY_SECONDS,
      waitSeconds: 1,
    });
    await releaseLetters(clients.sqs, queues.dlq, letters);
    for (const line of reasonLines(letters, dlqDepth.waiting)) out(line);
  }
  out(robots.length === 0 ? 'Robots: none has sent yet' : 'Robots:');
  for (const robot of robots) out(`  ${describeRobotPace(robot, now)}`);
}

async function queueDepth(sqs: SQSClient, queueUrl: string) {
  const attributes = await queueAttributes(sqs, queueUrl, [
    'ApproximateNumberOfMessages',
    'ApproximateNumberOfMessagesNotVisible',
  ]);
  return {
    waiting: Number(attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
  };
}

function oldestPendingLine(robots: RobotPace[], now: number): string {
  const pending = robots.flatMap(({ group, pace }) =>
    pace.oldestPendingAt === null
      ? []
      : [{ name: pace.robot || group, at: pace.oldestPendingAt, count: pace.pendingCount }],
  );
  const oldest = pending.sort((a, b) => a.at - b.at)[0];
  if (!oldest) return 'Pending events: none stored for a digest';
  const count = pending.reduce((sum, robot) => sum + robot.count, 0);
  return `Pending events: ${count}; the oldest is ${formatAge(now - oldest.at)} old (robot ${oldest.name})`;
}

/** Counts by reason, and how many of them the pass could reach (the FIFO group lock). */
export function reasonLines(letters: DeadLetter[], waiting: number): string[] {
  const counts = new Map<string, number>();
  for (const { reason } of letters) {
    const label = reason || 'no reason (moved by SQS after maxReceiveCount)';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const lines = [
    `  by reason (read without deleting; each was hidden for at most ${PREVIEW_VISIBILITY_SECONDS} s):`,
  ];
  for (const [reason, count] of [...counts].sort((a, b) => b[1] - a[1]))
    lines.push(`    ${reason}: ${count}`);
  const note = unreadNote(letters.length, waiting);
  return note ? [...lines, note] : lines;
}
