import {
  applyAttributes,
  DEFAULT_CONFIG,
  describeConfig,
  type QueueConfig,
} from './sqs-attributes';
import type { ModelCore } from './sqs-core';
import { sqsErrors } from './sqs-errors';
import { countMessages, expire, type QueueState } from './sqs-queue';

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

function newConfig(name: string, attributes: Record<string, string>): QueueConfig {
  const fifo = attributes.FifoQueue === 'true';
  const base = fifo ? name.slice(0, -'.fifo'.length) : name;
  if (fifo !== name.endsWith('.fifo') || !QUEUE_NAME.test(base) || name.length > 80) {
    throw sqsErrors.invalidParameter(
      'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length. A FIFO queue name must end with the .fifo suffix and its FifoQueue attribute be true.',
    );
  }
  const config: QueueConfig = { ...DEFAULT_CONFIG, fifo, passive: {} };
  applyAttributes(config, attributes);
  return config;
}

/** CreateQueue: the same name with the same attributes answers the existing queue. */
export function createQueue(
  core: ModelCore,
  name: string,
  attributes: Record<string, string> = {},
): QueueState {
  const config = newConfig(name, attributes);
  const existing = core.queues.get(name);
  if (existing !== undefined) {
    const same =
      JSON.stringify(describeConfig(existing.config)) === JSON.stringify(describeConfig(config));
    if (!same) throw sqsErrors.queueNameExists(name);
    return existing;
  }
  const now = core.now();
  const queue: QueueState = {
    name,
    arn: core.arnOf(name),
    config,
    createdAt: now,
    lastModifiedAt: now,
    messages: [],
    dedup: new Map(),
    lastPurgeAt: null,
  };
  core.queues.set(name, queue);
  return queue;
}

export function setQueueAttributes(
  core: ModelCore,
  queue: QueueState,
  attributes: Record<string, string>,
): void {
  const config: QueueConfig = { ...queue.config, passive: { ...queue.config.passive } };
  applyAttributes(config, attributes);
  queue.config = config;
  queue.lastModifiedAt = core.now();
  core.changed();
}

const COMPUTED = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
];

/** GetQueueAttributes: the named ones, or every one for `All` (none when none are named). */
export function getQueueAttributes(
  core: ModelCore,
  queue: QueueState,
  names: readonly string[],
): Record<string, string> {
  const now = core.now();
  expire(queue, now);
  const counts = countMessages(queue, now);
  const all: Record<string, string> = {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
    ApproximateNumberOfMessagesDelayed: '0',
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
    ...describeConfig(queue.config),
  };
  if (names.includes('All')) return all;
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = all[name];
    if (value !== undefined) picked[name] = value;
    else if (!COMPUTED.includes(name) && !isQueueAttribute(name)) {
      throw sqsErrors.invalidAttributeName(name);
    }
  }
  return picked;
}

function isQueueAttribute(name: string): boolean {
  return [
    'FifoQueue',
    'ContentBasedDeduplication',
    'RedrivePolicy',
    'RedriveAllowPolicy',
    'KmsMasterKeyId',
    'KmsDataKeyReusePeriodSeconds',
    'DeduplicationScope',
    'FifoThroughputLimit',
    'Policy',
    'SqsManagedSseEnabled',
  ].includes(name);
}

/** PurgeQueue: drops every message, in flight or not; at most once per 60 s per queue. */
export function purgeQueue(core: ModelCore, queue: QueueState): void {
  const now = core.now();
  if (queue.lastPurgeAt !== null && now - queue.lastPurgeAt < 60_000) {
    throw sqsErrors.purgeInProgress(queue.name);
  }
  queue.lastPurgeAt = now;
  queue.messages = [];
  core.changed();
}
