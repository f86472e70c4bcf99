import { SSMClient } from '@aws-sdk/client-ssm';
import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { SettingsError } from '../../lib/errors';
import { loadParameterRecords, loadParameters } from '../../lib/settings/load-parameters';
import { createTestSsmClient } from './ssm-test-client';

const PATH = '/gitee-dingtalk/test';

describe('loadParameters', () => {
  let ssm: FakeSsm;
  let client: SSMClient;

  beforeEach(async () => {
    ssm = await startFakeSsm();
    client = createTestSsmClient(ssm.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await ssm.close();
  });

  it('reads every page of 25+ parameters, decrypted, keyed relative to the path', async () => {
    for (let i = 0; i < 26; i++) {
      ssm.set(
        `${PATH}/robots/robot${String(i).padStart(2, '0')}/webhook`,
        `https://example.test/${i}`,
        'SecureString',
      );
    }
    ssm.set(`${PATH}/gitee/secret`, 'gitee-test-secret-1', 'SecureString');
    ssm.set(`${PATH}/config`, 'defaults: {locale: en}', 'String');

    const parameters = await loadParameters(client, PATH);

    expect(parameters.size).toBe(28);
    expect(parameters.get('gitee/secret')).toBe('gitee-test-secret-1');
    expect(parameters.get('robots/robot25/webhook')).toBe('https://example.test/25');
    expect(parameters.get('config')).toBe('defaults: {locale: en}');
    const pages = ssm.calls.filter((call) => call.op === 'GetParametersByPath');
    expect(pages).toHaveLength(3);
    expect(pages[0]?.input).toEqual({
      Path: PATH,
      Recursive: true,
      WithDecryption: true,
      MaxResults: 10,
    });
    expect(pages[1]?.input.NextToken).toEqual(expect.any(String));
  });

  it('reads nested parameters (recursive) and ignores other stages and sibling prefixes', async () => {
    ssm.set(`${PATH}/robots/team/secret`, 'SECtest-abc', 'SecureString');
    ssm.set('/gitee-dingtalk/prod/gitee/secret', 'gitee-test-secret-prod', 'SecureString');
    ssm.set('/gitee-dingtalk/test-other/config', 'x: 1');

    const parameters = await loadParameters(client, PATH);

    expect([...parameters]).toEqual([['robots/team/secret', 'SECtest-abc']]);
  });

  it('returns an empty map when nothing is stored under the path', async () => {
    await expect(loadParameters(client, PATH)).resolves.toEqual(new Map());
  });

  it('reports each parameter type with loadParameterRecords', async () => {
    ssm.set(`${PATH}/config`, 'defaults: {}', 'String');
    ssm.set(`${PATH}/gitee/secret`, 'gitee-test-secret-1', 'SecureString');

    const records = await loadParameterRecords(client, PATH);

    expect(records.get('config')).toEqual({ value: 'defaults: {}', type: 'String' });
    expect(records.get('gitee/secret')).toEqual({
      value: 'gitee-test-secret-1',
      type: 'SecureString',
    });
  });

  it('throws a SettingsError naming the call and the AWS error, not a value, when SSM refuses', async () => {
    ssm.set(`${PATH}/gitee/secret`, 'gitee-test-secret-1', 'SecureString');
    ssm.failNext('GetParametersByPath', 1, 'AccessDeniedException');

    const error = await loadParameters(client, PATH).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(
      /^SSM GetParametersByPath failed: AccessDeniedException \(HTTP 400\)/,
    );
    expect((error as Error).message).not.toContain('gitee-test-secret');
  });

  it('throws a SettingsError, not a partial map, when a later page fails', async () => {
    for (let i = 0; i < 12; i++) {
      ssm.set(`${PATH}/robots/r${i}/webhook`, 'https://example.test/', 'SecureString');
    }
    let sent = 0;
    // SSM goes down between page 1 and page 2.
    client.middlewareStack.add(
      (next) => async (args) => {
        if (++sent === 2) ssm.setDown(true);
        return next(args);
      },
      { step: 'initialize' },
    );

    await expect(loadParameters(client, PATH)).rejects.toThrow(
      'SSM GetParametersByPath failed: InternalServerError (HTTP 500)',
    );
    expect(ssm.calls.map((call) => call.input.NextToken === undefined)).toEqual([true, false]);
  });

  it('succeeds when the SDK retries a passing 500 (default retry policy)', async () => {
    ssm.set(`${PATH}/config`, 'defaults: {}', 'String');
    ssm.failNext('GetParametersByPath', 1, 'InternalServerError');
    const retrying = createTestSsmClient(ssm.endpoint, 3);
    try {
      await expect(loadParameters(retrying, PATH)).resolves.toHaveProperty('size', 1);
      expect(ssm.calls).toHaveLength(2);
    } finally {
      retrying.destroy();
    }
  });

  it('is reached through AWS_ENDPOINT_URL_SSM by a client given no endpoint', async () => {
    ssm.set(`${PATH}/config`, 'defaults: {}', 'String');
    const saved = process.env.AWS_ENDPOINT_URL_SSM;
    process.env.AWS_ENDPOINT_URL_SSM = ssm.endpoint;
    const envClient = new SSMClient({
      region: 'ap-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    });
    try {
      await expect(loadParameters(envClient, PATH)).resolves.toEqual(
        new Map([['config', 'defaults: {}']]),
      );
    } finally {
      envClient.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_SSM;
      else process.env.AWS_ENDPOINT_URL_SSM = saved;
    }
  });
});
