import type { SqsModel } from './sqs-model';

/** The delivery queue and its DLQ as the stack declares them (serverless.yml), by URL. */
export interface DeliveryQueueUrls {
  delivery: string;
  dlq: string;
}

export interface DeliveryQueueOptions {
  /** `${sls:stage}` in the names (default `local`). */
  stage?: string;
  /** Default 180 s: the stack's value, 6 × the deliver function's 30 s timeout. */
  visibilityTimeout?: number;
  /** Default 100, the stack's backstop; the consumer dead-letters explicitly before it. */
  maxReceiveCount?: number;
  /** Where the URLs point (a fake server's origin); default the model's own. */
  endpoint?: string;
}

const FOURTEEN_DAYS_S = 14 * 24 * 3600;

/**
 * Creates `gitee-dingtalk-<stage>-delivery.fifo` and `…-delivery-dlq.fifo` with the stack's
 * attributes: FIFO, explicit deduplication ids, 14-day retention, SSE, and a RedrivePolicy
 * to the DLQ. Creating them again with the same options answers the same queues.
 */
export function createDeliveryQueues(
  model: SqsModel,
  options: DeliveryQueueOptions = {},
): DeliveryQueueUrls {
  const stage = options.stage ?? 'local';
  const common = {
    FifoQueue: 'true',
    ContentBasedDeduplication: 'false',
    MessageRetentionPeriod: String(FOURTEEN_DAYS_S),
    SqsManagedSseEnabled: 'true',
  };
  const dlq = model.createQueue(
    { QueueName: `gitee-dingtalk-${stage}-delivery-dlq.fifo`, Attributes: common },
    options.endpoint,
  ).QueueUrl;
  const delivery = model.createQueue(
    {
      QueueName: `gitee-dingtalk-${stage}-delivery.fifo`,
      Attributes: {
        ...common,
        VisibilityTimeout: String(options.visibilityTimeout ?? 180),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: model.queueArn(dlq),
          maxReceiveCount: options.maxReceiveCount ?? 100,
        }),
      },
    },
    options.endpoint,
  ).QueueUrl;
  return { delivery, dlq };
}
