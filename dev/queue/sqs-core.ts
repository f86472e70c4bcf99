import { randomUUID } from 'node:crypto';
import { sqsErrors } from './sqs-errors';
import type { QueueState, StoredMessage } from './sqs-queue';

/** What the model's operations share: the clock, the queues and how to name them. */
export interface ModelCore {
  now(): number;
  region: string;
  accountId: string;
  /** Where queue URLs point unless a caller (the fake server) names its own origin. */
  endpoint: string;
  senderId: string;
  queues: Map<string, QueueState>;
  /** A queue by URL (any host: the path's last segment names it) or by bare name. */
  resolve(queueUrlOrName: string): QueueState;
  byArn(arn: string): QueueState | undefined;
  arnOf(name: string): string;
  urlOf(name: string, endpoint?: string): string;
  newMessageId(): string;
  /** Increasing across the whole model, as a numeric string (FIFO's SequenceNumber). */
  nextSequenceNumber(): string;
  /** Tells listeners (long polls, real-time pollers) that messages may have become available. */
  changed(): void;
}

export interface CoreOptions {
  now: () => number;
  region: string;
  accountId: string;
  endpoint: string;
  senderId: string;
  listeners: Set<() => void>;
}

export function createCore(options: CoreOptions): ModelCore {
  const queues = new Map<string, QueueState>();
  let sequence = 10_000_000_000_000_000_000n;
  const arnPrefix = `arn:aws:sqs:${options.region}:${options.accountId}:`;
  return {
    now: options.now,
    region: options.region,
    accountId: options.accountId,
    endpoint: options.endpoint,
    senderId: options.senderId,
    queues,
    resolve(reference) {
      const name = reference.includes('/')
        ? (reference.replace(/\/+$/, '').split('/').pop() ?? '')
        : reference;
      const queue = queues.get(name);
      if (queue === undefined) throw sqsErrors.queueDoesNotExist();
      return queue;
    },
    byArn(arn) {
      return arn.startsWith(arnPrefix) ? queues.get(arn.slice(arnPrefix.length)) : undefined;
    },
    arnOf: (name) => arnPrefix + name,
    urlOf: (name, endpoint = options.endpoint) =>
      `${endpoint.replace(/\/+$/, '')}/${options.accountId}/${name}`,
    newMessageId: () => randomUUID(),
    nextSequenceNumber() {
      sequence += 1n;
      return sequence.toString();
    },
    changed() {
      for (const listener of options.listeners) listener();
    },
  };
}

/** A copy of a message for moving it to another queue: new sequence, never received. */
export function relocated(
  core: ModelCore,
  message: StoredMessage,
  changes: Partial<StoredMessage>,
): StoredMessage {
  return {
    ...message,
    sequenceNumber: core.nextSequenceNumber(),
    receiveCount: 0,
    firstReceiveTimestamp: null,
    invisibleUntil: 0,
    ...changes,
  };
}
