import {
  ChangeMessageVisibilityBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { ROBOT_NAME_PATTERN } from '../../lib/settings/parameters';

/** One message of the DLQ, as far as the operator commands read it: never its body's view. */
export interface DeadLetter {
  messageId: string;
  receiptHandle: string;
  groupId: string;
  body: string;
  /** The `robot` attribute (or the body's robot), '' when neither is a robot name. */
  robot: string;
  /** The `reason` attribute; '' when SQS moved the message itself (maxReceiveCount). */
  reason: string;
}

export interface PassOptions {
  /** How long each received message stays hidden if the command stops before releasing it. */
  visibilitySeconds: number;
  /** Long poll of each receive; the pass ends at the first receive that finds nothing new. */
  waitSeconds: number;
}

/** `status` and `redrive --dry-run` hide each letter they read for at most this long (README). */
export const PREVIEW_VISIBILITY_SECONDS = 30;

/** A stuck loop must end: far more than a DLQ should ever hold. */
const MAX_LETTERS = 100_000;

/**
 * One receive-only pass over the DLQ: every message it can reach, once each, handed to
 * `handle` batch by batch. A FIFO queue hands out no message of a group while an earlier one
 * is in flight, so a pass that keeps messages reaches only the first batch of each robot
 * group; one that deletes what it handles (redrive --robot) walks each group to its end.
 * Answers the letters received, for the caller to release (releaseLetters) or delete.
 */
export async function passOverDlq(
  sqs: SQSClient,
  dlqUrl: string,
  options: PassOptions,
  handle: (letters: DeadLetter[]) => Promise<void> = () => Promise.resolve(),
): Promise<DeadLetter[]> {
  const seen = new Map<string, DeadLetter>();
  while (seen.size < MAX_LETTERS) {
    const { Messages: messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: options.visibilitySeconds,
        WaitTimeSeconds: options.waitSeconds,
        MessageAttributeNames: ['reason', 'robot'],
        MessageSystemAttributeNames: ['MessageGroupId'],
      }),
    );
    // A message seen again means its visibility lapsed mid-pass: everything reachable was seen.
    const fresh = messages
      .map(readLetter)
      .filter((l): l is DeadLetter => l !== null && !seen.has(l.messageId));
    if (fresh.length === 0) break;
    for (const letter of fresh) seen.set(letter.messageId, letter);
    await handle(fresh);
  }
  return [...seen.values()];
}

/** Makes the letters visible again at once, instead of at the end of their visibility. */
export async function releaseLetters(sqs: SQSClient, dlqUrl: string, letters: DeadLetter[]) {
  for (let i = 0; i < letters.length; i += 10) {
    const Entries = letters.slice(i, i + 10).map((letter, j) => ({
      Id: `r${j}`,
      ReceiptHandle: letter.receiptHandle,
      VisibilityTimeout: 0,
    }));
    await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: dlqUrl, Entries }));
  }
}

function readLetter(message: Message): DeadLetter | null {
  const { MessageId, ReceiptHandle, Body, Attributes, MessageAttributes } = message;
  if (!MessageId || !ReceiptHandle || Body === undefined) return null;
  const robot = MessageAttributes?.robot?.StringValue ?? robotInBody(Body);
  const reason = MessageAttributes?.reason?.StringValue ?? '';
  return {
    messageId: MessageId,
    receiptHandle: ReceiptHandle,
    groupId: Attributes?.MessageGroupId ?? '',
    body: Body,
    robot: ROBOT_NAME_PATTERN.test(robot) ? robot : '',
    // Printed as it is: only the contract's plain keywords.
    reason: /^[a-z_]{1,32}$/.test(reason) ? reason : '',
  };
}

function robotInBody(body: string): string {
  try {
    const { robot } = JSON.parse(body) as { robot?: unknown };
    return typeof robot === 'string' ? robot : '';
  } catch {
    return '';
  }
}

/** The FIFO group lock: a pass that deletes nothing reaches only the first batch of each group. */
export function unreadNote(read: number, waiting: number): string | null {
  if (read >= waiting) return null;
  return `  (${read} of about ${waiting} read: a FIFO queue shows only the first messages of each robot group until they are deleted)`;
}
