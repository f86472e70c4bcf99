import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../../lib/errors';
import { createSsmSettingsSource } from '../../lib/settings/create-ssm-source';
import { readPagesWithSdk } from '../../lib/settings/load-parameters';
import { createTestSsmClient } from './ssm-test-client';

const PATH = '/gitee-dingtalk/test';

describe('createSsmSettingsSource', () => {
  let ssm: FakeSsm;
  let client: SSMClient;
  let clock: number;

  beforeEach(async () => {
    ssm = await startFakeSsm({
      [`${PATH}/gitee/secret`]: { value: 'gitee-test-secret-0001', type: 'SecureString' },
      [`${PATH}/robots/team/webhook`]: {
        value: 'http://127.0.0.1:9/robot/send?access_token=t',
        type: 'SecureString',
      },
      [`${PATH}/config`]: { value: 'robots: {team: {keywords: [Gitee]}}' },
    });
    client = createTestSsmClient(ssm.endpoint);
    clock = 0;
  });

  afterEach(async () => {
    client.destroy();
    await ssm.close();
  });

  const createSource = () =>
    createSsmSettingsSource({
      readPage: readPagesWithSdk(client),
      path: PATH,
      now: () => clock,
      ttlMs: 300_000,
    });

  it('loads validated settings in one SSM call and serves them from the cache', async () => {
    const source = createSource();
    const [a, b] = await Promise.all([source.get(), source.get()]);

    expect(a).toBe(b);
    expect(a.robots.map((robot) => [robot.name, robot.keywords])).toEqual([['team', ['Gitee']]]);
    expect(ssm.calls.map((call) => call.op)).toEqual(['GetParametersByPath']);
  });

  it('fails with SettingsError when SSM is down at cold start, then the same source recovers', async () => {
    ssm.setDown(true);
    const source = createSource();
    source.prime();

    const failure = await source.get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SettingsError);
    expect((failure as SettingsError).message).toBe(
      'SSM GetParametersByPath failed: InternalServerError (HTTP 500)',
    );
    ssm.setDown(false);
    await expect(source.get()).resolves.toHaveProperty('robots.length', 1);
  });

  it('sees a rotated Gitee secret on refresh(), without waiting for the TTL', async () => {
    const source = createSource();
    await source.get();
    ssm.set(
      `${PATH}/gitee/secret`,
      'gitee-test-secret-0001\ngitee-test-secret-0002',
      'SecureString',
    );
    clock += 10_000;

    const settings = await source.refresh();

    expect(settings.giteeSecrets.map((secret) => secret.reveal())).toEqual([
      'gitee-test-secret-0001',
      'gitee-test-secret-0002',
    ]);
  });

  it('reports an invalid config by path and loads again once it is fixed', async () => {
    ssm.set(`${PATH}/config`, 'routes: [{robots: [tema]}]');
    const source = createSource();

    await expect(source.get()).rejects.toThrow(
      'config: routes[0].robots[0]: no robot "tema"; known: team',
    );
    ssm.set(`${PATH}/config`, 'routes: [{robots: [team]}]');
    await expect(source.get()).resolves.toHaveProperty('routes', [
      { robots: ['team'], atAll: false },
    ]);
  });
});
