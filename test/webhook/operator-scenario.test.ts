import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { startFakeSsm } from '../../dev/fake-ssm';
import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { createJsonLogger } from '../../lib/logger';
import { createRelay, type Relay } from '../../lib/relay';
import { createSsmSettingsSource } from '../../lib/settings/create-ssm-source';
import { createSsmPageReader } from '../../lib/settings/ssm-json-client';
import { runSettingsCli } from '../../scripts/settings/cli';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { textOf } from '../format/message-parts';
import { createTestSsmClient } from '../settings/ssm-test-client';

const GITEE_SECRET = 'gitee-test-secret-operator';
const BACKEND_SECRET = 'SECtest-backend-000000000000';

/** One settings file for three repositories and two DingTalk groups, as an operator writes it. */
function settingsFile(url: (robot: string) => string): string {
  return `
gitee:
  secret: ${GITEE_SECRET}
robots:
  backend:
    webhook: ${url('backend')}
    secret: ${BACKEND_SECRET}
    keywords: [Gitee]
  release:
    webhook: ${url('release')}
    keywords: [发布]
    msgtype: actionCard
routes:
  - repos: ["kit101/*", "gy2006/flow-test"]
    events: [push, issue, pull_request, comment]
    robots: [backend]
  - events: [tag_push, pull_request.merge]
    robots: [release]
    atAll: true
mentions:
  alice: { mobile: "13800000000" }
  bob: { userId: "manager4521" }
filters:
  ignoreSenders: [ci-bot]
`;
}

describe('an operator pushes one settings file and events land in the right groups', () => {
  let ssm: Awaited<ReturnType<typeof startFakeSsm>>;
  let robots: Awaited<ReturnType<typeof startRobotEmulator>>;
  let handler: Relay['webhook'];
  const client = () => createTestSsmClient(ssm.endpoint);
  const cliOutput: string[] = [];

  beforeAll(async () => {
    ssm = await startFakeSsm();
    robots = await startRobotEmulator({
      robots: [
        {
          name: 'backend',
          accessToken: 'token-backend',
          secret: BACKEND_SECRET,
          keywords: ['Gitee'],
        },
        { name: 'release', accessToken: 'token-release', keywords: ['发布'] },
      ],
    });
    const code = await runSettingsCli(['push', '--stage', 'prod', '--file', 'settings.yml'], {
      createClient: client,
      readFile: async () => settingsFile((name) => robots.url(name)),
      out: (line) => cliOutput.push(line),
      err: (line) => cliOutput.push(line),
      defaultRegion: 'ap-east-1',
    });
    expect(code).toBe(0);
    const now = () => Date.now();
    handler = createRelay({
      // Written by the CLI through the AWS SDK, read as the Lambda reads it (no SDK client).
      settings: createSsmSettingsSource({
        readPage: createSsmPageReader({
          endpoint: ssm.endpoint,
          region: 'ap-east-1',
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
          now,
        }),
        path: '/gitee-dingtalk/prod',
        now,
        ttlMs: 300_000,
      }),
      now,
      logger: createJsonLogger(() => undefined),
      version: 'test',
      limits: { deliveryBudgetMs: 2500 },
    }).webhook;
  });
  afterAll(() => Promise.all([ssm.close(), robots.close()]));
  beforeEach(() => robots.emulator.reset());

  async function send(body: Record<string, unknown>) {
    const event = signedGiteeEvent({
      body,
      secret: GITEE_SECRET,
    });
    const answer = await handler(event);
    return {
      status: answer.statusCode,
      body: JSON.parse(answer.body),
      received: [...robots.emulator.received],
    };
  }

  it('printed what changed by parameter name and no secret', () => {
    const printed = cliOutput.join('\n');
    expect(printed).toMatch(/gitee\/secret/);
    expect(printed).toMatch(/robots\/backend\/secret/);
    for (const secret of [GITEE_SECRET, BACKEND_SECRET, 'token-backend', 'token-release']) {
      expect(printed).not.toContain(secret);
    }
  });

  it('sends a push to a backend repository to the backend group only', async () => {
    const result = await send(loadFixture('push-commits'));
    expect(result.status).toBe(200);
    expect(result.received.map((r) => [r.robot, r.errcode])).toEqual([['backend', 0]]);
  });

  it('sends a tag to the release group only, @everyone, as an actionCard', async () => {
    const result = await send(loadFixture('tag_push-create'));
    expect(result.received.map((r) => [r.robot, r.errcode, r.msgtype])).toEqual([
      ['release', 0, 'actionCard'],
    ]);
    expect((result.received[0]!.message as DingTalkMessage).at?.isAtAll).toBe(true);
  });

  it('sends a merge to both groups, one message each', async () => {
    const result = await send(loadFixture('merge_request-merge'));
    expect(result.received.map((r) => r.robot).sort()).toEqual(['backend', 'release']);
  });

  it('skips a repository no route names, saying why', async () => {
    const result = await send(loadFixture('push-commits-2025-anonymized'));
    expect(result.status).toBe(202);
    expect(result.body.reason).toMatch(/no route matches push.* in repo_group\/repo_name/);
    expect(result.received).toEqual([]);
  });

  it('mentions the reviewer and tester of a new pull request by their DingTalk identities', async () => {
    const body = loadFixture('merge_request-open');
    const pullRequest = body.pull_request as Record<string, unknown>;
    body.pull_request = {
      ...pullRequest,
      assignees: [{ login: 'alice', name: 'Alice' }],
      testers: [{ login: 'bob', name: 'Bob' }],
    };
    const result = await send(body);
    expect(result.received.map((r) => [r.robot, r.errcode])).toEqual([['backend', 0]]);
    const message = result.received[0]!.message as DingTalkMessage;
    expect(message.at).toMatchObject({ atMobiles: ['13800000000'], atUserIds: ['manager4521'] });
    expect(textOf(message)).toContain('@13800000000');
    expect(textOf(message)).toContain('@manager4521');
  });

  it('skips events caused by an ignored sender', async () => {
    const body = loadFixture('issue-open');
    body.sender = { ...(body.sender as object), login: 'ci-bot' };
    const result = await send(body);
    expect(result.status).toBe(202);
    expect(result.body.reason).toMatch(/ci-bot/);
    expect(result.received).toEqual([]);
  });
});
