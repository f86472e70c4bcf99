import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeSsm, type FakeSsm, type RawSsmRequest } from '../../dev/fake-ssm';
import { SettingsError } from '../../lib/errors';
import { loadParametersFrom } from '../../lib/settings/load-parameters-from';
import { createSsmPageReader, type SsmPageReaderDeps } from '../../lib/settings/ssm-json-client';

const PATH = '/gitee-dingtalk/test';
const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key-0001' };

describe('createSsmPageReader against the fake SSM', () => {
  let ssm: FakeSsm;
  let raw: RawSsmRequest[];

  beforeEach(async () => {
    raw = [];
    ssm = await startFakeSsm({}, { onRawRequest: (request) => raw.push(request) });
  });

  afterEach(() => ssm.close());

  const reader = (deps: Partial<SsmPageReaderDeps> = {}) =>
    createSsmPageReader({
      region: 'ap-east-1',
      credentials: CREDENTIALS,
      endpoint: ssm.endpoint,
      now: () => Date.now(),
      ...deps,
    });
  const pages = () => ssm.calls.filter((call) => call.op === 'GetParametersByPath');

  it('reads every page of 25+ parameters, recursive and decrypted, one POST per page', async () => {
    for (let i = 0; i < 26; i += 1) {
      ssm.set(
        `${PATH}/robots/r${String(i).padStart(2, '0')}/webhook`,
        `https://e.test/${i}`,
        'SecureString',
      );
    }
    ssm.set(`${PATH}/gitee/secret`, 'gitee-test-secret-1', 'SecureString');
    ssm.set(`${PATH}/config`, 'defaults: {locale: en}');

    const parameters = await loadParametersFrom(reader(), PATH);

    expect(parameters.size).toBe(28);
    expect(parameters.get('gitee/secret')).toBe('gitee-test-secret-1');
    expect(parameters.get('robots/r25/webhook')).toBe('https://e.test/25');
    expect(pages()).toHaveLength(3);
    expect(pages()[0]?.input).toEqual({
      Path: PATH,
      Recursive: true,
      WithDecryption: true,
      MaxResults: 10,
    });
    expect(pages()[1]?.input.NextToken).toEqual(expect.any(String));
  });

  it('reads nested parameters and leaves out other stages and sibling prefixes', async () => {
    ssm.set(`${PATH}/robots/team/secret`, 'SECtest-abc', 'SecureString');
    ssm.set('/gitee-dingtalk/prod/gitee/secret', 'gitee-test-secret-prod', 'SecureString');
    ssm.set('/gitee-dingtalk/test-other/config', 'x: 1');

    const parameters = await loadParametersFrom(reader(), PATH);

    expect([...parameters]).toEqual([['robots/team/secret', 'SECtest-abc']]);
  });

  it('sends the headers the SDK sends, with a session token when there is one', async () => {
    await reader({ credentials: { ...CREDENTIALS, sessionToken: 'session-token-0001' } })({
      Path: PATH,
      Recursive: true,
      WithDecryption: true,
      MaxResults: 10,
    });
    await reader()({ Path: PATH, Recursive: true, WithDecryption: true, MaxResults: 10 });

    const [withToken, withoutToken] = raw.map((request) => request.headers);
    expect(withToken).toMatchObject({
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonSSM.GetParametersByPath',
      host: new URL(ssm.endpoint).host,
      'x-amz-date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
      'x-amz-security-token': 'session-token-0001',
      authorization: expect.stringMatching(
        /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/ap-east-1\/ssm\/aws4_request, SignedHeaders=\S*x-amz-security-token/,
      ),
    });
    expect(withoutToken).not.toHaveProperty('x-amz-security-token');
    expect(withoutToken?.authorization).not.toContain('x-amz-security-token');
  });

  it.each(['ParameterNotFound', 'AccessDeniedException', 'ValidationException'])(
    'fails with %s after one attempt (never retried)',
    async (type) => {
      ssm.failNext('GetParametersByPath', 1, type);

      const error = await loadParametersFrom(reader(), PATH).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(SettingsError);
      expect((error as Error).message).toMatch(
        new RegExp(`^SSM GetParametersByPath failed: ${type} \\(HTTP 400\\)`),
      );
      expect(((error as Error).cause as Error).name).toBe(type);
      expect(pages()).toHaveLength(1);
    },
  );

  it.each(['InternalServerError', 'ThrottlingException'])(
    'retries %s and succeeds on the third attempt',
    async (type) => {
      ssm.set(`${PATH}/config`, 'defaults: {}');
      ssm.failNext('GetParametersByPath', 2, type);
      let seconds = 0;
      const now = () => Date.UTC(2026, 10, 26, 12, 0, seconds++);

      await expect(loadParametersFrom(reader({ now }), PATH)).resolves.toEqual(
        new Map([['config', 'defaults: {}']]),
      );
      expect(pages()).toHaveLength(3);
      // Each attempt is signed afresh, not replayed with the first attempt's date.
      expect(raw.map((request) => request.headers['x-amz-date'])).toEqual([
        '20261126T120000Z',
        '20261126T120001Z',
        '20261126T120002Z',
      ]);
    },
  );

  it('gives up after three attempts, with the same words the SDK path uses', async () => {
    ssm.setDown(true);

    await expect(loadParametersFrom(reader(), PATH)).rejects.toThrow(
      /^SSM GetParametersByPath failed: InternalServerError \(HTTP 500\)$/,
    );
    expect(pages()).toHaveLength(3);
  });

  it('never puts the credentials, the signature or a value in the error', async () => {
    ssm.set(`${PATH}/gitee/secret`, 'gitee-test-secret-1', 'SecureString');
    ssm.failNext('GetParametersByPath', 1, 'AccessDeniedException');
    const credentials = { ...CREDENTIALS, sessionToken: 'session-token-0001' };

    const error = (await loadParametersFrom(reader({ credentials }), PATH).catch(
      (e: unknown) => e,
    )) as Error;

    const everything = JSON.stringify([error.message, String(error.cause), error.stack]);
    for (const secret of ['test-secret-key-0001', 'session-token-0001', 'Signature=']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('createSsmPageReader without a usable SSM', () => {
  it('retries a refused connection, then reports its code (not the address)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const readPage = createSsmPageReader({
      region: 'ap-east-1',
      credentials: CREDENTIALS,
      endpoint: `http://127.0.0.1:${port}`,
      now: () => Date.now(),
    });

    await expect(loadParametersFrom(readPage, PATH)).rejects.toThrow(
      /^SSM GetParametersByPath failed: Error ECONNREFUSED$/,
    );
  });

  it('gives each attempt its own timeout', async () => {
    let requests = 0;
    const silent = http.createServer(() => (requests += 1));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const readPage = createSsmPageReader({
        region: 'ap-east-1',
        credentials: CREDENTIALS,
        endpoint: `http://127.0.0.1:${port}`,
        now: () => Date.now(),
        attemptTimeoutMs: 100,
      });

      await expect(loadParametersFrom(readPage, PATH)).rejects.toThrow(
        /^SSM GetParametersByPath failed: TimeoutError$/,
      );
      expect(requests).toBe(3);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
