import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeSsmInitial } from '../dev/fake-ssm';
import { EXAMPLE_TEMPLATES } from '../lib/templates/examples';
import { encodeTemplateValue, templateParameterName } from '../lib/settings/template-parameters';

/**
 * What every benchmarked relay is given: one stage in SSM with a Gitee secret, two signing
 * robots (one with a custom keyword) and a YAML `config` as the settings CLI writes it, and a
 * real Gitee push delivery (../shared/fixtures/gitee/, never copied into the project).
 */
export const STAGE_PATH = '/gitee-dingtalk/bench';
/**
 * The same stage with one template (issue 12, "Benchmark"): robot `team` renders the push
 * with the README's one-line push example, `ops` keeps the built-in message. A relay reads
 * it when its SETTINGS_SSM_PATH names it.
 */
export const TEMPLATE_STAGE_PATH = '/gitee-dingtalk/bench-template';
export const TEMPLATED_ROBOT = 'team';
export const PUSH_TEMPLATE = EXAMPLE_TEMPLATES.find((example) => example.key === 'push')!.template;
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

/** Both stages: the plain one and its copy with the one template (TEMPLATE_STAGE_PATH). */
export function ssmParameters(robotUrl: (robot: BenchRobot) => string): FakeSsmInitial {
  const parameters: FakeSsmInitial = {
    ...stageParameters(STAGE_PATH, robotUrl),
    ...stageParameters(TEMPLATE_STAGE_PATH, robotUrl),
  };
  const name = templateParameterName({ owner: TEMPLATED_ROBOT, key: 'push', part: 'text' });
  // Stored as `settings push` stores it: braces escaped, since SSM refuses {{ }} in a value.
  parameters[`${TEMPLATE_STAGE_PATH}/${name}`] = {
    value: encodeTemplateValue(PUSH_TEMPLATE.text),
    type: 'String',
  };
  return parameters;
}

function stageParameters(stage: string, robotUrl: (robot: BenchRobot) => string): FakeSsmInitial {
  const parameters: FakeSsmInitial = {
    [`${stage}/gitee/secret`]: { value: GITEE_SECRET, type: 'SecureString' },
    [`${stage}/config`]: { value: CONFIG_YAML, type: 'String' },
  };
  for (const robot of ROBOTS) {
    const base = `${stage}/robots/${robot.name}`;
    parameters[`${base}/webhook`] = { value: robotUrl(robot), type: 'SecureString' };
    parameters[`${base}/secret`] = { value: robot.secret, type: 'SecureString' };
  }
  return parameters;
}
