import { SQSClient } from '@aws-sdk/client-sqs';

/** The real SDK client pointed at a fake; fake credentials, no retries, warnings collected. */
export function sdkClient(endpoint: string | undefined, warnings: string[] = []): SQSClient {
  return new SQSClient({
    region: 'us-east-1',
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials: { accessKeyId: 'keytest-sqs', secretAccessKey: 'SECtest-sqs-secret' },
    maxAttempts: 1,
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
      error: () => undefined,
    },
  });
}

export const FIFO_ATTRIBUTES = { FifoQueue: 'true', VisibilityTimeout: '30' };
