import { createHash } from 'node:crypto';
import { md5OfAttributes, md5OfBody } from './sqs-md5';
import { sqsErrors } from './sqs-errors';
import { DEDUP_WINDOW_MS, type QueueState } from './sqs-queue';
import type { SendMessageInput, SendMessageOutput } from './sqs-types';
import { checkAttributes, checkBody, checkSize, checkToken } from './sqs-validate';

export interface SendContext {
  now: number;
  newMessageId: () => string;
  nextSequenceNumber: () => string;
  senderId: string;
}

function notForThisQueueType(parameter: string, value: unknown): Error {
  return sqsErrors.invalidParameter(
    `Value ${String(value)} for parameter ${parameter} is invalid. Reason: The request include parameter that is not valid for this queue type.`,
  );
}

/** The deduplication id a FIFO send uses: its own, or the body's SHA-256 (content-based). */
function deduplicationIdOf(queue: QueueState, input: Omit<SendMessageInput, 'QueueUrl'>): string {
  if (input.MessageDeduplicationId !== undefined) {
    checkToken('MessageDeduplicationId', input.MessageDeduplicationId);
    return input.MessageDeduplicationId;
  }
  if (queue.config.contentBasedDeduplication) {
    return createHash('sha256').update(input.MessageBody, 'utf8').digest('hex');
  }
  throw sqsErrors.invalidParameter(
    'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
  );
}

/**
 * SendMessage on one queue. A FIFO message whose deduplication id was sent in the last 5
 * minutes is accepted but not stored: the answer repeats the first message's id and
 * sequence number, as SQS does. Per-message delays are refused (FIFO: as SQS; standard:
 * the model does not delay).
 */
export function acceptMessage(
  queue: QueueState,
  input: Omit<SendMessageInput, 'QueueUrl'>,
  context: SendContext,
): SendMessageOutput {
  const attributes = input.MessageAttributes ?? {};
  const bytes = checkBody(input.MessageBody) + checkAttributes(attributes);
  checkSize(bytes, queue.config.maximumMessageSize);
  if (input.DelaySeconds !== undefined && input.DelaySeconds !== 0) {
    throw notForThisQueueType('DelaySeconds', input.DelaySeconds);
  }
  const md5s = {
    MD5OfMessageBody: md5OfBody(input.MessageBody),
    MD5OfMessageAttributes: md5OfAttributes(attributes),
  };
  let deduplicationId: string | undefined;
  if (queue.config.fifo) {
    if (input.MessageGroupId === undefined) throw sqsErrors.missingParameter('MessageGroupId');
    checkToken('MessageGroupId', input.MessageGroupId);
    deduplicationId = deduplicationIdOf(queue, input);
    const seen = queue.dedup.get(deduplicationId);
    if (seen !== undefined && seen.until > context.now) {
      return { MessageId: seen.messageId, ...md5s, SequenceNumber: seen.sequenceNumber };
    }
  } else if (input.MessageDeduplicationId !== undefined) {
    throw notForThisQueueType('MessageDeduplicationId', input.MessageDeduplicationId);
  }
  const messageId = context.newMessageId();
  const sequenceNumber = context.nextSequenceNumber();
  queue.messages.push({
    messageId,
    body: input.MessageBody,
    md5OfBody: md5s.MD5OfMessageBody,
    attributes: structuredClone(attributes),
    md5OfAttributes: md5s.MD5OfMessageAttributes,
    groupId: input.MessageGroupId ?? '',
    deduplicationId,
    sequenceNumber,
    sentTimestamp: context.now,
    senderId: context.senderId,
    receiveCount: 0,
    firstReceiveTimestamp: null,
    invisibleUntil: 0,
    deadLetterSourceArn: undefined,
  });
  if (deduplicationId !== undefined) {
    queue.dedup.set(deduplicationId, {
      until: context.now + DEDUP_WINDOW_MS,
      messageId,
      sequenceNumber,
    });
  }
  return queue.config.fifo
    ? { MessageId: messageId, ...md5s, SequenceNumber: sequenceNumber }
    : { MessageId: messageId, ...md5s };
}
