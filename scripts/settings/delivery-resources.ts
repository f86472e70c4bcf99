import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type QueueAttributeName,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { describeAwsError } from '../../lib/settings/ssm-error';
import { CliError } from './output';

/** The stack's names for a stage (issue 11, "Resource names"). */
export function deliveryResourceNames(stage: string) {
  return {
    queue: `gitee-dingtalk-${stage}-delivery.fifo`,
    dlq: `gitee-dingtalk-${stage}-delivery-dlq.fifo`,
    table: `gitee-dingtalk-${stage}-delivery`,
  };
}

export interface DeliveryQueues {
  queue: string;
  dlq: string;
}

/** The stage's queue URLs, via GetQueueUrl: a stage deployed direct has none, and says so. */
export async function findDeliveryQueues(sqs: SQSClient, stage: string): Promise<DeliveryQueues> {
  const names = deliveryResourceNames(stage);
  const urlOf = async (name: string) => {
    try {
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
      if (QueueUrl) return QueueUrl;
    } catch (error) {
      throw new CliError(
        `${describeAwsError('SQS', 'GetQueueUrl', error)} for ${name} (is stage ${stage} deployed in queue mode, in this region?)`,
      );
    }
    throw new CliError(`SQS answered no URL for ${name}`);
  };
  return { queue: await urlOf(names.queue), dlq: await urlOf(names.dlq) };
}

/** GetQueueAttributes, its failure said in the CLI's words. */
export async function queueAttributes(
  sqs: SQSClient,
  queueUrl: string,
  names: QueueAttributeName[],
): Promise<Record<string, string>> {
  try {
    const { Attributes: found = {} } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: names }),
    );
    return found;
  } catch (error) {
    throw new CliError(describeAwsError('SQS', 'GetQueueAttributes', error));
  }
}
