import { SSMClient } from '@aws-sdk/client-ssm';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The real SDK client pointed at a loopback fake SSM, with fake credentials and no retries. */
export function createTestSsmClient(endpoint: string, maxAttempts = 1): SSMClient {
  return new SSMClient({
    endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    maxAttempts,
  });
}
