import { createHmac } from 'node:crypto';
import type { DeliveryAnswer } from '../../dev/gitee-delivery';
import type { ContractMessage } from '../../dev/playground-feed';
import type { MessagePreview } from '../../dev/render-preview';
import {
  getJson,
  GITEE_SECRET,
  rawRequest,
  settledFates,
  startPlayground,
  type Playground,
} from './playground-harness';

const FEISHU_SECRET = 'testFs-playground-lark-secret';

/** One robot of each platform, the Feishu and WeCom ones written to follow PORT. */
function settings(port: number): string {
  return `
gitee:
  secret: ${GITEE_SECRET}
robots:
  team:
    webhook: http://127.0.0.1:${port}/robot/send?access_token=tokentest-team
    keywords: [Gitee]
  lark:
    webhook: http://playground.localhost/open-apis/bot/v2/hook/tokentest-lark
    secret: ${FEISHU_SECRET}
    keywords: [GiteeRelay]
  wework:
    webhook: http://playground.localhost/cgi-bin/webhook/send?key=keytest-wework
`;
}

let playground: Playground;

beforeEach(async () => {
  playground = await startPlayground(settings);
});

afterEach(() => playground.stop());

/** feishu-wecom-robot-api.md §1.3, computed here: base64(HMAC-SHA256(key "ts\nsecret", "")). */
function signed(message: Record<string, unknown>, secret: string, nowMs = Date.now()) {
  const timestamp = String(Math.floor(nowMs / 1000));
  const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
  return { ...message, timestamp, sign };
}

async function post(path: string, body: unknown, host?: string) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    host: host ?? `127.0.0.1:${playground.server.port}`,
    'content-type': 'application/json',
  };
  const answer = await rawRequest(`${playground.server.url}${path}`, {
    method: 'POST',
    headers,
    body: text,
  });
  return { status: answer.status, json: () => JSON.parse(answer.text) as Record<string, unknown> };
}

const messages = () => getJson<ContractMessage[]>(`${playground.server.url}/playground/messages`);
const previews = () => getJson<MessagePreview[]>(`${playground.server.url}/playground/previews`);

const LARK = '/open-apis/bot/v2/hook/tokentest-lark';
const WEWORK = '/cgi-bin/webhook/send?key=keytest-wework';
const card = (schema?: '2.0') => ({
  msg_type: 'interactive',
  card: {
    ...(schema ? { schema } : {}),
    header: { template: 'blue', title: { tag: 'plain_text', content: 'GiteeRelay push' } },
    ...(schema
      ? { body: { elements: [{ tag: 'markdown', content: 'GiteeRelay body' }] } }
      : { elements: [{ tag: 'div', text: { tag: 'lark_md', content: 'GiteeRelay body' } }] }),
  },
});

describe('the Feishu and WeCom emulators on the playground port', () => {
  it('answers a Feishu bot as Feishu does, from the settings file: signature, keywords', async () => {
    const good = await post(LARK, signed(card(), FEISHU_SECRET));
    const wrongSecret = await post(LARK, signed(card(), 'not-the-secret'));
    const noKeyword = await post(
      LARK,
      signed({ msg_type: 'text', content: { text: 'hi' } }, FEISHU_SECRET),
    );

    expect(good.json()).toMatchObject({ code: 0 });
    expect(wrongSecret.json()).toMatchObject({ code: 19021 });
    expect(noKeyword.json()).toMatchObject({ code: 19024 });
    const [keyword, sign, ok] = await messages();
    expect(ok).toMatchObject({
      platform: 'feishu',
      robot: 'lark',
      msgtype: 'interactive',
      errcode: 0,
    });
    expect(sign).toMatchObject({
      platform: 'feishu',
      errcode: 19021,
      errmsg: expect.stringContaining('sign'),
    });
    expect(keyword).toMatchObject({ platform: 'feishu', msgtype: 'text', errcode: 19024 });
    // The sign would be a replayable credential for an hour: the feed never shows it.
    expect(JSON.stringify(await messages())).not.toContain(
      (signed(card(), FEISHU_SECRET) as { sign: string }).sign,
    );
  });

  it('names a Card JSON 2.0 interactive2 in the contract, as settings call it', async () => {
    await post(LARK, signed(card('2.0'), FEISHU_SECRET));

    const [message] = await messages();
    const [preview] = await previews();

    expect(message).toMatchObject({ platform: 'feishu', msgtype: 'interactive2', errcode: 0 });
    expect(preview?.header).toEqual({ title: 'GiteeRelay push', template: 'blue' });
  });

  it('answers a WeCom robot as WeCom does: msgtype spelling, content, unknown key', async () => {
    const good = await post(WEWORK, { msgtype: 'markdown', markdown: { content: '### hi' } });
    const capital = await post(WEWORK, { msgtype: 'Markdown', Markdown: { content: 'hi' } });
    const unknownKey = await post('/cgi-bin/webhook/send?key=keytest-nobody', {
      msgtype: 'text',
      text: { content: 'x' },
    });

    expect(good.json()).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(capital.json()).toMatchObject({ errcode: 40008 });
    expect(unknownKey.json()).toMatchObject({ errcode: 93000 });
    const all = await messages();
    expect(
      all.map(({ platform, robot, msgtype, errcode }) => ({ platform, robot, msgtype, errcode })),
    ).toEqual([
      { platform: 'wecom', robot: 'wework', msgtype: 'Markdown', errcode: 40008 },
      { platform: 'wecom', robot: 'wework', msgtype: 'markdown', errcode: 0 },
    ]);
  });

  it('keeps the body caps: a Feishu body over 20 KB and a WeCom one over 64 KiB go unread', async () => {
    const big = (bytes: number) => ({ msgtype: 'text', text: { content: 'x'.repeat(bytes) } });

    const feishu = await post(LARK, big(30_000));
    const wecom = await post(WEWORK, big(100_000));

    expect(feishu.json()).toMatchObject({ code: 9499 });
    expect(wecom.json()).toMatchObject({ errcode: 40058 });
    const recorded = await messages();
    expect(recorded.map((entry) => entry.message)).toEqual([
      expect.stringMatching(/not read/),
      expect.stringMatching(/not read/),
    ]);
  });

  it('refuses a request to any emulator whose Host is not this playground', async () => {
    for (const path of [LARK, WEWORK, '/robot/send?access_token=tokentest-team']) {
      const answer = await post(
        path,
        { msgtype: 'text', text: { content: 'GiteeRelay' } },
        'evil.example',
      );
      expect({ path, status: answer.status }).toEqual({ path, status: 421 });
    }
    expect(await messages()).toEqual([]);
  });

  it('keeps DingTalk at /robot/send beside them, and clears all three at once', async () => {
    await post('/robot/send?access_token=tokentest-team', {
      msgtype: 'text',
      text: { content: 'Gitee' },
    });
    await post(WEWORK, { msgtype: 'text', text: { content: 'x' } });

    expect((await messages()).map((entry) => entry.platform)).toEqual(['wecom', 'dingtalk']);
    await fetch(`${playground.server.url}/playground/clear`, { method: 'POST' });
    expect(await messages()).toEqual([]);
  });
});

describe('one Gitee event through the relay to one robot of each platform', () => {
  it('delivers each its own message, named in the contract as settings name it', async () => {
    await playground.stop();
    playground = await startPlayground((port) =>
      `${settings(port)}    msgtype: markdown\n`.replace(
        '    keywords: [GiteeRelay]\n',
        '    keywords: [GiteeRelay]\n    msgtype: interactive2\n',
      ),
    );
    const response = await fetch(`${playground.server.url}/playground/send/merge_request-merge`, {
      method: 'POST',
    });

    const result = (await response.json()) as DeliveryAnswer;
    expect(result).toMatchObject({ status: 202, answer: { status: 'queued' } });
    await settledFates(playground.server.url, result.eventKeys);
    const byRobot = new Map((await messages()).map((entry) => [entry.robot, entry]));
    expect(byRobot.get('team')).toMatchObject({
      platform: 'dingtalk',
      msgtype: 'markdown',
      errcode: 0,
    });
    expect(byRobot.get('lark')).toMatchObject({
      platform: 'feishu',
      msgtype: 'interactive2',
      errcode: 0,
    });
    expect(byRobot.get('wework')).toMatchObject({
      platform: 'wecom',
      msgtype: 'markdown',
      errcode: 0,
    });
    const shown = new Map((await previews()).map((preview) => [preview.robot, preview]));
    expect(shown.get('lark')?.header).toMatchObject({ template: 'green' });
    expect(shown.get('wework')?.html).toMatch(/<h3>.+<\/h3>/);
  });
});
