import {
  GetParametersByPathCommand,
  SSMClient,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-ssm';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { startFakeSsm, type FakeSsm, type RawSsmRequest } from '../../dev/fake-ssm';
import type { ParametersPageInput } from '../../lib/settings/load-parameters-from';
import { createSsmPageReader } from '../../lib/settings/ssm-json-client';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const PATH = '/gitee-dingtalk/test';

/**
 * Headers the SDK adds for its own bookkeeping (user agent, invocation id, attempt count) and
 * signs. The page reader does not send them, so the SDK client drops them before it signs:
 * everything else it signs is what the page reader must produce byte for byte.
 */
const SDK_BOOKKEEPING = ['x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request'];

const dropSdkBookkeeping: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
  (next) => async (args) => {
    const { headers } = args.request as { headers: Record<string, string> };
    for (const name of SDK_BOOKKEEPING) delete headers[name];
    return next(args);
  };

function createSdkClient(ssm: FakeSsm, region: string, credentials: Credentials): SSMClient {
  const client = new SSMClient({ endpoint: ssm.endpoint, region, credentials, maxAttempts: 1 });
  client.middlewareStack.addRelativeTo(dropSdkBookkeeping, {
    name: 'dropSdkBookkeepingHeaders',
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
  });
  return client;
}

/** `20261126T225506Z` → epoch milliseconds. */
function parseAmzDate(value: unknown): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(value));
  if (!match) throw new Error(`not an x-amz-date: ${String(value)}`);
  const [, year, month, day, hours, minutes, seconds] = match.map(Number);
  return Date.UTC(year!, month! - 1, day!, hours!, minutes!, seconds!);
}

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const LAMBDA_CREDENTIALS: Credentials = {
  accessKeyId: 'ASIATESTLAMBDA0001',
  secretAccessKey: 'test/secret+key=0001',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//session+token=',
};
const LONG_TERM_CREDENTIALS: Credentials = {
  accessKeyId: 'AKIATESTUSER0001',
  secretAccessKey: 'test-secret-key-0002',
};

describe('the page reader signs exactly as the AWS SDK SSMClient', () => {
  let ssm: FakeSsm;
  let raw: RawSsmRequest[];

  beforeEach(async () => {
    raw = [];
    ssm = await startFakeSsm({}, { onRawRequest: (request) => raw.push(request) });
    for (let i = 0; i < 12; i += 1) ssm.set(`${PATH}/robots/r${i}/webhook`, 'https://e.test/');
  });

  afterEach(() => ssm.close());

  it.each<[string, string, Credentials, boolean]>([
    ['temporary credentials, first page', 'ap-east-1', LAMBDA_CREDENTIALS, false],
    ['long-term credentials, a NextToken page', 'ap-east-1', LONG_TERM_CREDENTIALS, true],
    ['a China region', 'cn-north-1', LAMBDA_CREDENTIALS, true],
  ])('%s', async (_label, region, credentials, withNextToken) => {
    const input: ParametersPageInput = {
      Path: PATH,
      Recursive: true,
      WithDecryption: true,
      MaxResults: 10,
    };
    if (withNextToken) {
      const first = await createSsmPageReader({
        region,
        credentials,
        endpoint: ssm.endpoint,
        now: Date.now,
      })(input);
      input.NextToken = first.NextToken;
      raw = [];
    }
    const client = createSdkClient(ssm, region, credentials);
    try {
      await client.send(new GetParametersByPathCommand(input));
    } finally {
      client.destroy();
    }
    const [sdk] = raw;
    const signedAt = parseAmzDate(sdk?.headers['x-amz-date']);

    const readPage = createSsmPageReader({
      region,
      credentials,
      endpoint: ssm.endpoint,
      now: () => signedAt,
    });
    await readPage(input);

    const [, ours] = raw;
    expect(ours?.body).toBe(sdk?.body);
    expect(sdk?.headers.authorization).toMatch(
      `SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;${credentials.sessionToken ? 'x-amz-security-token;' : ''}x-amz-target, Signature=`,
    );
    expect(ours?.headers.authorization).toBe(sdk?.headers.authorization);
  });
});
