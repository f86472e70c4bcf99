import { md5OfAttributes } from './sqs-md5';
import type { StoredMessage } from './sqs-queue';
import type { ReceivedMessage, WireAttributes } from './sqs-types';

/** A message's system attributes, as ReceiveMessage names them. */
export function systemAttributes(message: StoredMessage): Record<string, string> {
  const attributes: Record<string, string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentTimestamp),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp ?? 0),
  };
  if (message.groupId !== '') attributes.MessageGroupId = message.groupId;
  if (message.deduplicationId !== undefined) {
    attributes.MessageDeduplicationId = message.deduplicationId;
    attributes.SequenceNumber = message.sequenceNumber;
  }
  if (message.deadLetterSourceArn !== undefined) {
    attributes.DeadLetterQueueSourceArn = message.deadLetterSourceArn;
  }
  return attributes;
}

function pickSystem(message: StoredMessage, names: readonly string[]): Record<string, string> {
  const all = systemAttributes(message);
  if (names.includes('All')) return all;
  return Object.fromEntries(Object.entries(all).filter(([name]) => names.includes(name)));
}

/** Message attributes by the request's names: `All`, `.*`, exact names or `prefix.*`. */
function pickUser(attributes: WireAttributes, names: readonly string[]): WireAttributes {
  const wanted = (name: string) =>
    names.some(
      (pattern) =>
        pattern === 'All' ||
        pattern === '.*' ||
        pattern === name ||
        (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
    );
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => wanted(name)));
}

/** One message of a ReceiveMessage answer, with only the attributes the request named. */
export function describeReceived(
  message: StoredMessage,
  receiptHandle: string,
  request: { systemNames: readonly string[]; userNames: readonly string[] },
): ReceivedMessage {
  const received: ReceivedMessage = {
    MessageId: message.messageId,
    ReceiptHandle: receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
  };
  const system = pickSystem(message, request.systemNames);
  if (Object.keys(system).length > 0) received.Attributes = system;
  const user = pickUser(message.attributes, request.userNames);
  if (Object.keys(user).length > 0) {
    received.MessageAttributes = user;
    received.MD5OfMessageAttributes = md5OfAttributes(user);
  }
  return received;
}
