import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeSsmInitial } from '../dev/fake-ssm';

/**
 * What every benchmarked relay is given: one stage in SSM with a Gitee secret, two signing
 * robots (one with a custom keyword) and a YAML `config` as the settings CLI writes it, and a
 * real Gitee push delivery (../shared/fixtures/gitee/, never copied into the project).
 */
export const STAGE_PATH = '/gitee-dingtalk/bench';
export const GITEE_SECRET = 'gitee-bench-secret-0001';
export const FIXTURE = 'push-commits';
export const FIXTURE_DIR = join(__dirname, '..', '..', 'shared', 'fixtures', 'gitee');

export interface BenchRobot {
  name: string;
  accessToken: string;
  secret: string;
  keywords: string[];
}

export const ROBOTS: BenchRobot[] = [
  {
    name: 'team',
    accessToken: 'token-bench-team',
    secret: 'SECbench0team0123456789abcdef',
    keywords: ['Gitee'],
  },
  {
    name: 'ops',
    accessToken: 'token-bench-ops',
    secret: 'SECbench0ops0123456789abcdef',
    keywords: [],
  },
];

/** The `config` parameter as `npm run settings -- push` writes it: YAML. */
export const CONFIG_YAML = [
  'defaults:',
  '  locale: zh-CN',
  '  msgtype: markdown',
  '  timezone: Asia/Shanghai',
  'robots:',
  '  team:',
  '    keywords:',
  '      - Gitee',
  '',
].join('\n');

export function readPushBody(): string {
  return readFileSync(join(FIXTURE_DIR, `${FIXTURE}.json`), 'utf8');
}

export function ssmParameters(robotUrl: (robot: BenchRobot) => string): FakeSsmInitial {
  const parameters: FakeSsmInitial = {
    [`${STAGE_PATH}/gitee/secret`]: { value: GITEE_SECRET, type: 'SecureString' },
    [`${STAGE_PATH}/config`]: { value: CONFIG_YAML, type: 'String' },
  };
  for (const robot of ROBOTS) {
    const base = `${STAGE_PATH}/robots/${robot.name}`;
    parameters[`${base}/webhook`] = { value: robotUrl(robot), type: 'SecureString' };
    parameters[`${base}/secret`] = { value: robot.secret, type: 'SecureString' };
  }
  return parameters;
}
