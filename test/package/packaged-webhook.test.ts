import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { startFakeSsm } from '../../dev/fake-ssm';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { invokeBundle as invoke } from './invoke-bundle';
import { packagedStack, unzipFunction, type Packaged } from './stack';

const SECRET = 'gitee-test-secret-package';

let stack: Packaged;

// Packaging (when stale) may wait for another package test's run: longer than one test's time.
beforeAll(async () => {
  stack = await packagedStack();
}, 240_000);

/** A function's zip as `serverless package` made it (CI packages first; made here when stale). */
function packaged(name: 'webhook' | 'health' = 'webhook'): string {
  return unzipFunction(stack, name);
}

/** Invokes a bundled handler in a fresh Node process, as Lambda would at a cold start. */
async function invokeBundle(
  dir: string,
  env: Record<string, string>,
  event: unknown,
  name: 'webhook' | 'health' = 'webhook',
) {
  const { answer, logs } = await invoke<{ statusCode: number; body: string }>(
    dir,
    name,
    env,
    event,
  );
  return { ...answer, logs };
}

/** What Lambda sets for a function (fake credentials; the fake SSM checks only their shape). */
function lambdaEnv(ssmEndpoint: string): Record<string, string> {
  return {
    SETTINGS_SSM_PATH: '/gitee-dingtalk/pkg',
    AWS_ENDPOINT_URL_SSM: ssmEndpoint,
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_SESSION_TOKEN: 'test-session-token',
  };
}

describe('the packaged webhook function', () => {
  it('verifies, formats and delivers a real push from the unzipped bundle', async () => {
    const dir = packaged();
    const robot = await startRobotEmulator({
      robots: [
        { name: 'team', accessToken: 'token-team', secret: 'SECtest-package', keywords: ['Gitee'] },
      ],
    });
    const ssm = await startFakeSsm({
      '/gitee-dingtalk/pkg/gitee/secret': { value: SECRET, type: 'SecureString' },
      '/gitee-dingtalk/pkg/robots/team/webhook': { value: robot.url('team'), type: 'SecureString' },
      '/gitee-dingtalk/pkg/robots/team/secret': { value: 'SECtest-package', type: 'SecureString' },
      '/gitee-dingtalk/pkg/config': { value: 'robots:\n  team:\n    keywords: [Gitee]\n' },
    });
    try {
      const event = signedGiteeEvent({
        body: loadFixture('push-commits'),
        secret: SECRET,
        timestamp: Date.now(),
      });
      const answer = await invokeBundle(dir, lambdaEnv(ssm.endpoint), event);
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({
        status: 'delivered',
        deliveries: [{ robot: 'team', ok: true }],
      });
      expect(robot.emulator.received.map((r) => r.errcode)).toEqual([0]);
      expect(ssm.calls.filter((call) => call.op === 'GetParametersByPath')).toHaveLength(1);
    } finally {
      await Promise.all([robot.close(), ssm.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 500 "settings unavailable" and says why when the environment has no credentials', async () => {
    const dir = packaged();
    const ssm = await startFakeSsm();
    try {
      const env = lambdaEnv(ssm.endpoint);
      delete env.AWS_ACCESS_KEY_ID;
      delete env.AWS_SECRET_ACCESS_KEY;
      const event = signedGiteeEvent({
        body: loadFixture('push-commits'),
        secret: SECRET,
        timestamp: Date.now(),
      });
      const answer = await invokeBundle(dir, env, event);
      expect(answer.statusCode).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ error: 'settings unavailable' });
      expect(answer.logs).toContain('no AWS credentials in the environment');
      expect(ssm.calls).toEqual([]);
    } finally {
      await ssm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the packaged functions without the AWS SDK client', () => {
  it.each(['webhook', 'health'] as const)('%s bundles no AWS SDK', (name) => {
    const dir = packaged(name);
    try {
      const bundle = readFileSync(join(dir, 'functions', `${name}.js`), 'utf8');
      // The SDK's client names its packages in its user agent and errors; the signer does not.
      expect(bundle).not.toMatch(/@aws-sdk|SSMClient|amz-sdk-invocation-id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('health reads its settings with one signed GetParametersByPath', async () => {
    const dir = packaged('health');
    const ssm = await startFakeSsm({
      '/gitee-dingtalk/pkg/gitee/secret': { value: SECRET, type: 'SecureString' },
      '/gitee-dingtalk/pkg/robots/team/webhook': {
        value: 'http://127.0.0.1:9/robot/send?access_token=t',
        type: 'SecureString',
      },
    });
    try {
      const answer = await invokeBundle(dir, lambdaEnv(ssm.endpoint), {}, 'health');
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: true, robots: ['team'] });
      expect(ssm.calls.map((call) => call.op)).toEqual(['GetParametersByPath']);
    } finally {
      await ssm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
