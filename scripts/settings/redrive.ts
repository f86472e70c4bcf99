import {
  DeleteMessageCommand,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { describeAwsError } from '../../lib/settings/ssm-error';
import {
  deliveryResourceNames,
  findDeliveryQueues,
  queueAttributes,
  type DeliveryQueues,
} from './delivery-resources';
import { passOverDlq, releaseLetters, type DeadLetter } from './dlq-pass';
import { CliError, type WriteLine } from './output';
import { previewRedrive } from './redrive-dry-run';

export interface RedriveOptions {
  stage: string;
  /** Only this robot's dead letters: received and re-sent one by one. */
  robot?: string;
  dryRun: boolean;
}

/** Hidden this long while being re-sent; released or deleted well before. */
const REDRIVE_VISIBILITY_SECONDS = 60;

/**
 * `redrive --stage S [--robot NAME] [--dry-run]` (issue 11): everything goes back with one
 * StartMessageMoveTask to the delivery queue (named explicitly: a letter the consumer
 * dead-lettered has no source SQS would know); one robot's letters are received, re-sent and
 * deleted only once re-sent; a dry run counts by robot and reason and moves nothing.
 */
export async function redriveDeadLetters(
  sqs: SQSClient,
  options: RedriveOptions,
  out: WriteLine,
): Promise<void> {
  const queues = await findDeliveryQueues(sqs, options.stage);
  if (options.dryRun) return previewRedrive(sqs, queues, options.robot, out);
  if (options.robot !== undefined) return redriveRobot(sqs, queues, options.robot, out);
  return redriveAll(sqs, queues, options.stage, out);
}

async function redriveAll(sqs: SQSClient, queues: DeliveryQueues, stage: string, out: WriteLine) {
  const dlq = await queueAttributes(sqs, queues.dlq, ['QueueArn', 'ApproximateNumberOfMessages']);
  const waiting = Number(dlq.ApproximateNumberOfMessages ?? 0);
  if (waiting === 0) {
    out('The dead-letter queue is empty: nothing to redrive.');
    return;
  }
  const { QueueArn: destination } = await queueAttributes(sqs, queues.queue, ['QueueArn']);
  try {
    await sqs.send(
      new StartMessageMoveTaskCommand({ SourceArn: dlq.QueueArn, DestinationArn: destination }),
    );
  } catch (error) {
    throw new CliError(describeAwsError('SQS', 'StartMessageMoveTask', error));
  }
  out(
    `Moving about ${waiting} dead letter(s) back to ${deliveryResourceNames(stage).queue}; \`status --stage ${stage}\` shows the DLQ draining.`,
  );
}

async function redriveRobot(sqs: SQSClient, queues: DeliveryQueues, robot: string, out: WriteLine) {
  let resent = 0;
  const kept: DeadLetter[] = [];
  try {
    await passOverDlq(
      sqs,
      queues.dlq,
      { visibilitySeconds: REDRIVE_VISIBILITY_SECONDS, waitSeconds: 1 },
      async (letters) => {
        for (const [i, letter] of letters.entries()) {
          if (letter.robot !== robot) {
            kept.push(letter);
            continue;
          }
          // On a failure this letter and the rest of the batch are released, not left hidden.
          await resend(sqs, queues, letter).catch((error: unknown) => {
            kept.push(...letters.slice(i));
            throw error;
          });
          resent += 1;
        }
      },
    );
  } catch (error) {
    if (resent > 0) out(`Re-sent ${resent} dead letter(s) of robot ${robot} before the failure.`);
    throw error;
  } finally {
    await releaseLetters(sqs, queues.dlq, kept);
  }
  out(
    resent === 0
      ? `No dead letter of robot ${robot} was found.`
      : `Re-sent ${resent} dead letter(s) of robot ${robot} to the delivery queue, and deleted them from the DLQ.`,
  );
  if (kept.length > 0) out(`${kept.length} dead letter(s) of other robots were left in place.`);
}

/**
 * The body unchanged in the original group. Its deduplication id is the DLQ message's own id:
 * a second redrive of the same letter within SQS's 5 minutes is dropped, while the event's
 * key (its first deduplication id) might still be inside the window and drop the redrive.
 */
async function resend(sqs: SQSClient, queues: DeliveryQueues, letter: DeadLetter) {
  try {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queues.queue,
        MessageBody: letter.body,
        MessageGroupId: letter.groupId,
        MessageDeduplicationId: `redrive-${letter.messageId}`,
      }),
    );
  } catch (error) {
    throw new CliError(
      `${describeAwsError('SQS', 'SendMessage', error)}: nothing more was re-sent`,
    );
  }
  try {
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: queues.dlq, ReceiptHandle: letter.receiptHandle }),
    );
  } catch (error) {
    throw new CliError(
      `${describeAwsError('SQS', 'DeleteMessage', error)}: one letter was re-sent but is still in the DLQ (redriving it again within 5 minutes is deduplicated)`,
    );
  }
}
