import { sqsErrors } from './sqs-errors';

/** A queue's settings, parsed from the string attributes CreateQueue and SetQueueAttributes take. */
export interface QueueConfig {
  fifo: boolean;
  contentBasedDeduplication: boolean;
  visibilityTimeout: number;
  messageRetentionPeriod: number;
  maximumMessageSize: number;
  receiveMessageWaitTimeSeconds: number;
  redrivePolicy: { deadLetterTargetArn: string; maxReceiveCount: number } | null;
  /** Attributes stored and echoed but not acted on (encryption, throughput, allow policy). */
  passive: Record<string, string>;
}

export const DEFAULT_CONFIG: Omit<QueueConfig, 'fifo' | 'passive'> = {
  contentBasedDeduplication: false,
  visibilityTimeout: 30,
  messageRetentionPeriod: 345_600,
  maximumMessageSize: 262_144,
  receiveMessageWaitTimeSeconds: 0,
  redrivePolicy: null,
};

const PASSIVE = [
  'SqsManagedSseEnabled',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'DeduplicationScope',
  'FifoThroughputLimit',
  'RedriveAllowPolicy',
  'Policy',
];

function integer(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw sqsErrors.invalidAttributeValue(`Invalid value for the parameter ${name}.`);
  }
  return number;
}

function parseRedrivePolicy(value: string): QueueConfig['redrivePolicy'] {
  if (value === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw sqsErrors.invalidAttributeValue('Invalid value for the parameter RedrivePolicy.');
  }
  const policy = parsed as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  const count = Number(policy.maxReceiveCount);
  if (typeof policy.deadLetterTargetArn !== 'string' || !(count >= 1 && count <= 1000)) {
    throw sqsErrors.invalidAttributeValue(
      'Value for parameter RedrivePolicy is invalid. Reason: Redrive policy is not a valid JSON map or has no deadLetterTargetArn and maxReceiveCount between 1 and 1000.',
    );
  }
  return { deadLetterTargetArn: policy.deadLetterTargetArn, maxReceiveCount: Math.floor(count) };
}

/** Applies string attributes to a config (CreateQueue starts from the defaults). */
export function applyAttributes(config: QueueConfig, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) {
    switch (name) {
      case 'FifoQueue':
        if ((value === 'true') !== config.fifo) {
          throw sqsErrors.invalidAttributeValue('FifoQueue cannot change once a queue exists.');
        }
        break;
      case 'ContentBasedDeduplication':
        if (!config.fifo) throw sqsErrors.invalidAttributeName(name);
        config.contentBasedDeduplication = value === 'true';
        break;
      case 'VisibilityTimeout':
        config.visibilityTimeout = integer(name, value, 0, 43_200);
        break;
      case 'MessageRetentionPeriod':
        config.messageRetentionPeriod = integer(name, value, 60, 1_209_600);
        break;
      case 'MaximumMessageSize':
        config.maximumMessageSize = integer(name, value, 1_024, 1_048_576);
        break;
      case 'ReceiveMessageWaitTimeSeconds':
        config.receiveMessageWaitTimeSeconds = integer(name, value, 0, 20);
        break;
      case 'DelaySeconds':
        // The model delivers at once; a queue-level delay would be silently ignored otherwise.
        if (integer(name, value, 0, 900) !== 0) {
          throw sqsErrors.invalidAttributeValue('The SQS model does not delay messages.');
        }
        break;
      case 'RedrivePolicy':
        config.redrivePolicy = parseRedrivePolicy(value);
        break;
      default:
        if (!PASSIVE.includes(name)) throw sqsErrors.invalidAttributeName(name);
        config.passive[name] = value;
    }
  }
}

/** The queue's own attributes as GetQueueAttributes answers them (strings). */
export function describeConfig(config: QueueConfig): Record<string, string> {
  const described: Record<string, string> = {
    VisibilityTimeout: String(config.visibilityTimeout),
    MessageRetentionPeriod: String(config.messageRetentionPeriod),
    MaximumMessageSize: String(config.maximumMessageSize),
    ReceiveMessageWaitTimeSeconds: String(config.receiveMessageWaitTimeSeconds),
    DelaySeconds: '0',
    SqsManagedSseEnabled: 'false',
    ...config.passive,
  };
  if (config.fifo) {
    described.FifoQueue = 'true';
    described.ContentBasedDeduplication = String(config.contentBasedDeduplication);
  }
  if (config.redrivePolicy !== null) {
    described.RedrivePolicy = JSON.stringify(config.redrivePolicy);
  }
  return described;
}
