import {
  DeleteParameterCommand,
  DeleteParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  PutParameterCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { createTestSsmClient } from './ssm-test-client';

/** The error the real SDK raised, for asserting its name and HTTP status. */
async function failureOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as (Error & { $metadata?: { httpStatusCode?: number } }) | undefined;
  if (!error) throw new Error('expected the call to fail');
  return { name: error.name, status: error.$metadata?.httpStatusCode };
}

describe('startFakeSsm (through the real AWS SDK)', () => {
  let ssm: FakeSsm;
  let client: SSMClient;

  beforeEach(async () => {
    ssm = await startFakeSsm({
      '/app/a': { value: 'plain' },
      '/app/b': { value: 'SECtest-hidden', type: 'SecureString' },
      '/app/nested/c': { value: 'deep' },
    });
    client = createTestSsmClient(ssm.endpoint);
  });

  afterEach(async () => {
    client.destroy();
    await ssm.close();
  });

  it('lists only direct children when Recursive is false, and hides SecureStrings without decryption', async () => {
    const page = await client.send(new GetParametersByPathCommand({ Path: '/app' }));

    expect(page.Parameters?.map((p) => [p.Name, p.Type])).toEqual([
      ['/app/a', 'String'],
      ['/app/b', 'SecureString'],
    ]);
    expect(page.Parameters?.[1]?.Value).not.toContain('SECtest-hidden');
    expect(page.Parameters?.[0]?.LastModifiedDate).toBeInstanceOf(Date);
  });

  it('pages with MaxResults and NextToken, and refuses MaxResults over 10', async () => {
    const first = await client.send(
      new GetParametersByPathCommand({ Path: '/app', Recursive: true, MaxResults: 2 }),
    );
    const second = await client.send(
      new GetParametersByPathCommand({
        Path: '/app',
        Recursive: true,
        MaxResults: 2,
        NextToken: first.NextToken,
      }),
    );

    expect(first.Parameters?.map((p) => p.Name)).toEqual(['/app/a', '/app/b']);
    expect(second.Parameters?.map((p) => p.Name)).toEqual(['/app/nested/c']);
    expect(second.NextToken).toBeUndefined();
    expect(
      await failureOf(
        client.send(new GetParametersByPathCommand({ Path: '/app', MaxResults: 11 })),
      ),
    ).toEqual({ name: 'ValidationException', status: 400 });
    expect(
      await failureOf(
        client.send(new GetParametersByPathCommand({ Path: '/app', NextToken: 'garbage' })),
      ),
    ).toMatchObject({ name: 'InvalidNextToken' });
  });

  it('answers GetParameter and GetParameters, with ParameterNotFound and InvalidParameters', async () => {
    const { Parameter } = await client.send(
      new GetParameterCommand({ Name: '/app/b', WithDecryption: true }),
    );
    expect(Parameter).toMatchObject({ Name: '/app/b', Value: 'SECtest-hidden', Version: 1 });
    expect(await failureOf(client.send(new GetParameterCommand({ Name: '/app/zzz' })))).toEqual({
      name: 'ParameterNotFound',
      status: 400,
    });

    const many = await client.send(new GetParametersCommand({ Names: ['/app/a', '/app/zzz'] }));
    expect(many.Parameters?.map((p) => p.Value)).toEqual(['plain']);
    expect(many.InvalidParameters).toEqual(['/app/zzz']);
  });

  it('follows PutParameter overwrite semantics and counts versions', async () => {
    expect(
      await failureOf(
        client.send(new PutParameterCommand({ Name: '/app/a', Value: 'x', Type: 'String' })),
      ),
    ).toEqual({ name: 'ParameterAlreadyExists', status: 400 });
    expect(
      await failureOf(client.send(new PutParameterCommand({ Name: '/app/new', Value: 'x' }))),
    ).toMatchObject({ name: 'ValidationException' });
    expect(
      await failureOf(
        client.send(
          new PutParameterCommand({ Name: '/app/big', Value: 'x'.repeat(4097), Type: 'String' }),
        ),
      ),
    ).toMatchObject({ name: 'ValidationException' });

    const put = await client.send(
      new PutParameterCommand({ Name: '/app/a', Value: 'changed', Overwrite: true }),
    );

    expect(put.Version).toBe(2);
    expect(ssm.get('/app/a')).toMatchObject({ value: 'changed', type: 'String', version: 2 });
  });

  it('deletes one parameter (ParameterNotFound when absent) or several', async () => {
    await client.send(new DeleteParameterCommand({ Name: '/app/a' }));
    expect(
      await failureOf(client.send(new DeleteParameterCommand({ Name: '/app/a' }))),
    ).toMatchObject({ name: 'ParameterNotFound' });

    const result = await client.send(
      new DeleteParametersCommand({ Names: ['/app/b', '/app/zzz'] }),
    );

    expect(result).toMatchObject({
      DeletedParameters: ['/app/b'],
      InvalidParameters: ['/app/zzz'],
    });
    expect(ssm.get('/app/b')).toBeUndefined();
  });

  it('injects faults with the right status, counts them down, and goes down on demand', async () => {
    ssm.failNext('GetParameter', 1, 'InternalServerError');
    ssm.failNext('*', 1, 'ThrottlingException');
    const get = () => client.send(new GetParameterCommand({ Name: '/app/a' }));

    expect(await failureOf(get())).toEqual({ name: 'InternalServerError', status: 500 });
    expect(await failureOf(get())).toEqual({ name: 'ThrottlingException', status: 400 });
    await expect(get()).resolves.toBeDefined();
    ssm.setDown(true);
    expect(await failureOf(get())).toEqual({ name: 'InternalServerError', status: 500 });
    ssm.setDown(false);
    await expect(get()).resolves.toBeDefined();
    expect(ssm.calls.map((call) => call.op)).toEqual(Array(5).fill('GetParameter'));
  });

  it('answers an unknown operation and an unsigned request as AWS does', async () => {
    const unsigned = await fetch(ssm.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AmazonSSM.GetParameter',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{"Name":"/app/a"}',
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await unsigned.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });

    const unknown = await fetch(ssm.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AmazonSSM.LabelParameterVersion',
        authorization: 'AWS4-HMAC-SHA256 test',
      },
      body: '{}',
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});
