import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnknownFixtureError } from '../../dev/fixture-files';
import type { ContractDelivery } from '../../dev/playground-fates';
import type { ContractMessage } from '../../dev/playground-feed';
import type { MessagePreview } from '../../dev/render-preview';
import { explainSendFailure } from '../../dev/send';
import { sendPayload } from '../../dev/send-payload';
import { FIXTURE_DIR, loadFixture } from '../helpers/fixtures';
import { getJson, settledFates, startPlayground, type Playground } from './playground-harness';

const FIXTURES = ['push-commits', 'tag_push-create', 'issue-open', 'merge_request-open'];
const MSGTYPES: Record<string, string> = { team: 'markdown', cards: 'actionCard', plain: 'text' };

let playground: Playground;

beforeEach(async () => {
  playground = await startPlayground('test');
});

afterEach(() => playground.stop());

/** npm run send's own code path, pointed at the test's server and settings file. */
function send(target: string) {
  return sendPayload({
    serverUrl: playground.server.url,
    settingsPath: playground.settingsPath,
    fixturesDir: FIXTURE_DIR,
    target,
    cwd: playground.dir,
  });
}

function shownText(message: unknown): string {
  const body = message as Record<string, { text?: string; content?: string }>;
  return body.markdown?.text ?? body.actionCard?.text ?? body.text?.content ?? '';
}

/** What every contract message of the four fixtures holds, in either mode. */
async function expectEveryFixtureDelivered(): Promise<void> {
  const messages = await getJson<ContractMessage[]>(`${playground.server.url}/playground/messages`);

  expect(messages).toHaveLength(FIXTURES.length * 3);
  for (const message of messages) {
    expect(Object.keys(message).sort()).toEqual(
      ['errcode', 'errmsg', 'message', 'msgtype', 'platform', 'receivedAt', 'robot'].sort(),
    );
    expect(message).toMatchObject({ platform: 'dingtalk', errcode: 0, errmsg: 'ok' });
    expect(message.msgtype).toBe(MSGTYPES[message.robot]);
    expect(shownText(message.message)).toContain('drone-yml-test');
  }
  const times = messages.map((message) => Date.parse(message.receivedAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  expect(shownText(messages[0]?.message)).toMatch(/PR|Pull Request|合并请求/);
}

describe('the local playground server', () => {
  it('queues real fixtures sent by `npm run send` (202), then each robot gets each one alone', async () => {
    for (const name of FIXTURES) {
      const { status, answer, eventKeys } = await send(name);
      expect({ name, status, answer }).toMatchObject({
        status: 202,
        answer: {
          status: 'queued',
          deliveries: ['team', 'cards', 'plain'].map((robot) => ({
            robot,
            platform: 'dingtalk',
            queued: true,
          })),
        },
      });
      // As `npm run send` does: wait for the fates before the next, so nothing backs up.
      const fates = await settledFates(playground.server.url, eventKeys);
      expect(fates.map(({ robot, fate }) => ({ robot, fate }))).toEqual(
        ['team', 'cards', 'plain'].map((robot) => ({ robot, fate: 'sent' })),
      );
    }

    await expectEveryFixtureDelivered();
    const deliveries = await getJson<ContractDelivery[]>(
      `${playground.server.url}/playground/deliveries`,
    );
    expect(deliveries).toHaveLength(FIXTURES.length * 3);
    for (const delivery of deliveries) {
      expect(Object.keys(delivery).sort()).toEqual(['event', 'fate', 'platform', 'robot']);
    }
  });

  it('delivers them while Gitee waits in direct mode (200 delivered), with no fates', async () => {
    await playground.stop();
    playground = await startPlayground('test', { deliveryMode: 'direct' });

    for (const name of FIXTURES) {
      const { status, answer, eventKeys } = await send(name);
      expect({ name, status, answer, eventKeys }).toEqual({
        name,
        status: 200,
        answer: expect.objectContaining({ status: 'delivered' }) as unknown,
        eventKeys: undefined,
      });
    }

    await expectEveryFixtureDelivered();
    expect(await getJson(`${playground.server.url}/playground/deliveries`)).toEqual([]);
    expect(await getJson(`${playground.server.url}/health`)).toMatchObject({
      deliveryMode: 'direct',
    });
  });

  it('sends a payload file given as a path relative to the caller', async () => {
    const file = join(playground.dir, 'my-push.json');
    await writeFile(file, JSON.stringify(loadFixture('push-commits-2020')));

    const { status, answer } = await send('./my-push.json');

    expect(status).toBe(202);
    expect(answer).toMatchObject({ status: 'queued', repository: 'gy2006/flow-test' });
  });

  it('refuses an unknown sample name and lists the known ones', async () => {
    const failure = await send('no-such-sample').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UnknownFixtureError);
    expect(explainSendFailure(failure, playground.server.url)).toContain('push-commits');
  });

  it('tells the person to start the server when nothing listens', async () => {
    const url = playground.server.url;
    await playground.server.close();

    const failure = await send('push-commits').catch((error: unknown) => error);

    expect(explainSendFailure(failure, url)).toContain('npm start');
  });

  it('renders previews as DingTalk shows them: title apart, buttons, @all highlighted', async () => {
    await settledFates(playground.server.url, (await send('tag_push-create')).eventKeys);

    const previews = await getJson<MessagePreview[]>(
      `${playground.server.url}/playground/previews`,
    );
    const byRobot = new Map(previews.map((preview) => [preview.robot, preview]));

    // actionCard must name @所有人 in its text (dingtalk-robot-api.md §5); markdown need not.
    expect(byRobot.get('cards')?.html).toContain('<span class="mention">@所有人</span>');
    expect(byRobot.get('team')?.mentions).toEqual(['@所有人']);
    expect(byRobot.get('team')?.title).toContain('Gitee');
    expect(byRobot.get('cards')?.buttons.length).toBeGreaterThan(0);
    expect(byRobot.get('plain')).toMatchObject({ title: null, accepted: true });
    expect(byRobot.get('team')?.html).toContain('href="https://gitee.com/kit101/drone-yml-test');
  });

  it('answers /health and the sample list through the same handlers', async () => {
    const health = await getJson<Record<string, unknown>>(`${playground.server.url}/health`);
    const names = await getJson<string[]>(`${playground.server.url}/playground/fixtures`);

    expect(health).toMatchObject({ ok: true, giteeSecretConfigured: true, deliveryMode: 'queue' });
    expect(health.robots).toEqual(expect.arrayContaining(['cards', 'plain', 'team']));
    expect(names).toContain('push-commits');
  });

  it('serves the page with a policy that runs only its own scripts and styles', async () => {
    const response = await fetch(`${playground.server.url}/`);
    const policy = response.headers.get('content-security-policy') ?? '';

    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('records a message the robot refused, with its errcode, for the page to show', async () => {
    const robotUrl = `${playground.server.url}/robot/send?access_token=tokentest-cards`;
    await fetch(robotUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: 'no keyword here' } }),
    });

    const [message] = await getJson<ContractMessage[]>(
      `${playground.server.url}/playground/messages`,
    );
    const [preview] = await getJson<MessagePreview[]>(
      `${playground.server.url}/playground/previews`,
    );

    expect(message).toMatchObject({ robot: 'cards', msgtype: 'text', errcode: 310000 });
    expect(preview).toMatchObject({ accepted: false, errcode: 310000 });
    expect(preview?.errmsg).toContain('关键词');
  });
});
