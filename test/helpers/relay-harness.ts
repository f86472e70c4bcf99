import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { startFakeSsm } from '../../dev/fake-ssm';
import { startFeishuBot } from '../../dev/fakes/feishu-bot';
import { startWecomRobot } from '../../dev/fakes/wecom-robot';
import type { PlatformName } from '../../lib/platforms/chat-platform';
import { createJsonLogger } from '../../lib/logger';
import type { WriteMetrics } from '../../lib/metrics/emf';
import { createRelay, type DeliveryOption } from '../../lib/relay';
import type { RateLimitsFor } from '../../lib/send/throttle';
import { createSsmSettingsSource } from '../../lib/settings/create-ssm-source';
import { createSsmPageReader } from '../../lib/settings/ssm-json-client';
import type { WebhookLimits } from '../../lib/webhook-handler';

export const STAGE_PATH = '/gitee-dingtalk/test';
export const GITEE_SECRET = 'gitee-test-secret-0001';

export interface TestRobot {
  name: string;
  /** The emulator it lives on; default DingTalk. The relay infers it from the webhook's path. */
  platform?: PlatformName;
  /** DingTalk's SEC… or Feishu's signing secret, in the emulator and in SSM. */
  secret?: string;
  keywords?: string[];
}

const on = (platform: PlatformName) => (robot: TestRobot) =>
  (robot.platform ?? 'dingtalk') === platform;

export const DEFAULT_ROBOTS: TestRobot[] = [
  { name: 'team', secret: 'SECtest-team-0123456789abcdef', keywords: ['Gitee'] },
  { name: 'ops', keywords: ['代码'] },
];

/**
 * The whole relay wired as in production (createRelay: the kept-alive transport, each robot
 * paced by its platform), but against loopback fakes: a fake SSM read with the production page
 * reader, and robot emulators for DingTalk, Feishu and WeCom that check what each platform
 * checks (signatures, keywords, sizes, rates) and answer its codes.
 */
export async function startRelay(
  options: {
    robots?: TestRobot[];
    giteeSecret?: string | null;
    config?: string;
    limits?: Partial<WebhookLimits>;
    /** Suites that send one robot more than its platform allows a minute turn pacing off. */
    rateLimits?: RateLimitsFor;
    /** Queue mode's ports (default direct). */
    delivery?: DeliveryOption;
    metrics?: WriteMetrics;
  } = {},
) {
  const robots = options.robots ?? DEFAULT_ROBOTS;
  const dingtalk = await startRobotEmulator({
    robots: robots.filter(on('dingtalk')).map((r) => ({ ...r, accessToken: `token-${r.name}` })),
  });
  const feishu = await startFeishuBot({
    bots: robots.filter(on('feishu')).map((r) => ({ ...r, token: `tokentest-${r.name}` })),
  });
  const wecom = await startWecomRobot({
    robots: robots.filter(on('wecom')).map((r) => ({ name: r.name, key: `keytest-${r.name}` })),
  });
  const webhookOf = (robot: TestRobot) =>
    ({ dingtalk, feishu, wecom })[robot.platform ?? 'dingtalk'].url(robot.name);
  const ssm = await startFakeSsm();
  const secret = options.giteeSecret === undefined ? GITEE_SECRET : options.giteeSecret;
  if (secret !== null) ssm.set(`${STAGE_PATH}/gitee/secret`, secret, 'SecureString');
  for (const robot of robots) {
    ssm.set(`${STAGE_PATH}/robots/${robot.name}/webhook`, webhookOf(robot), 'SecureString');
    if (robot.secret)
      ssm.set(`${STAGE_PATH}/robots/${robot.name}/secret`, robot.secret, 'SecureString');
  }
  ssm.set(`${STAGE_PATH}/config`, options.config ?? configFor(robots), 'String');
  // A real clock that tests can move forward (e.g. past the 10 s settings-refresh throttle).
  let offset = 0;
  const now = () => Date.now() + offset;
  const readPage = createSsmPageReader({
    endpoint: ssm.endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    now,
  });
  const settings = createSsmSettingsSource({ readPage, path: STAGE_PATH, now, ttlMs: 300_000 });
  const logs: string[] = [];
  const relay = createRelay({
    settings,
    now,
    logger: createJsonLogger((line) => logs.push(line)),
    version: 'test',
    rateLimits: options.rateLimits,
    delivery: options.delivery,
    metrics: options.metrics,
    attempts: { attemptTimeoutMs: 1000 },
    limits: { deliveryBudgetMs: 2500, ...options.limits },
  });
  return {
    handler: relay.webhook,
    health: relay.health,
    dingtalk,
    feishu,
    wecom,
    ssm,
    settings,
    logs,
    advanceClock(ms: number) {
      offset += ms;
    },
    async close() {
      await Promise.all([dingtalk.close(), feishu.close(), wecom.close(), ssm.close()]);
    },
  };
}

function configFor(robots: TestRobot[]): string {
  const lines = ['robots:'];
  for (const robot of robots) {
    // WeCom has no keywords: a list, even an empty one, would be a config error there.
    lines.push(
      robot.platform === 'wecom'
        ? `  ${robot.name}: {}`
        : `  ${robot.name}:\n    keywords: ${JSON.stringify(robot.keywords ?? [])}`,
    );
  }
  return lines.join('\n');
}
