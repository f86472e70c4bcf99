import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { startFakeSsm } from '../../dev/fake-ssm';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..');
const ZIP = join(ROOT, '.serverless', 'webhook.zip');
const SECRET = 'gitee-test-secret-package';

/** The zip `serverless package` made (CI packages first; made here when missing). */
function packagedWebhook(): string {
  if (!existsSync(ZIP)) {
    execFileSync('npx', ['serverless', 'package', '--stage', 'test'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'webhook-zip-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', ZIP, dir]);
  return dir;
}

/**
 * Invokes the bundled handler in a fresh Node process, as Lambda would at a cold start.
 * Asynchronously: the fakes answering it live in this process's event loop.
 */
async function invokeBundle(dir: string, env: Record<string, string>, event: unknown) {
  const script = `require(${JSON.stringify(join(dir, 'functions', 'webhook.js'))}).handler(${JSON.stringify(event)})
    .then((answer) => process.stdout.write('\\nANSWER ' + JSON.stringify(answer)))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  // The function's own log lines go to stdout too, as on Lambda; the answer is the last line.
  return JSON.parse(stdout.slice(stdout.lastIndexOf('\nANSWER ') + 8)) as {
    statusCode: number;
    body: string;
  };
}

describe('the packaged webhook function', () => {
  it('verifies, formats and delivers a real push from the unzipped bundle', async () => {
    const dir = packagedWebhook();
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
      const answer = await invokeBundle(
        dir,
        {
          SETTINGS_SSM_PATH: '/gitee-dingtalk/pkg',
          AWS_ENDPOINT_URL_SSM: ssm.endpoint,
          AWS_REGION: 'ap-east-1',
          AWS_ACCESS_KEY_ID: 'AKIDTEST',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        event,
      );
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
});
