import http from 'node:http';
import { startWecomRobot, type RunningWecomRobot } from '../../dev/fakes/wecom-robot';
import { classifyWecomAnswer } from '../../lib/platforms/wecom/classify';
import { normalizeWecomWebhook } from '../../lib/platforms/wecom/webhook-url';

const T0 = Date.UTC(2025, 0, 1);
let clock = T0;

const ROBOTS = [
  { name: 'team', key: 'keytest-0a1b2c3d-team' },
  { name: 'ops', key: 'keytest-4e5f6a7b-ops' },
];

const markdown = (content: string) => ({ msgtype: 'markdown', markdown: { content } });
const card = (fields: Record<string, unknown> = {}) => ({
  msgtype: 'template_card',
  template_card: {
    card_type: 'text_notice',
    main_title: { title: 'PR #42 merged', desc: 'demo/app' },
    jump_list: [{ type: 1, title: 'Open PR', url: 'https://gitee.com/demo/app/pulls/42' }],
    card_action: { type: 1, url: 'https://gitee.com/demo/app/pulls/42' },
    ...fields,
  },
});

let robot: RunningWecomRobot;

beforeEach(async () => {
  clock = T0;
  robot = await startWecomRobot({ robots: ROBOTS, now: () => clock });
});

afterEach(() => robot.close());

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    ...(JSON.parse(text) as { errcode: number; errmsg: string }),
  };
}

describe('the WeCom robot emulator', () => {
  it('answers errcode 0 ok to a markdown message, and records it', async () => {
    const message = markdown('### [Gitee] push\n> <font color="info">alice</font>');
    const answer = await post(robot.url('team'), message);
    expect(JSON.parse(answer.text)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(robot.messages).toEqual([
      {
        platform: 'wecom',
        robot: 'team',
        msgtype: 'markdown',
        message,
        errcode: 0,
        errmsg: 'ok',
        httpStatus: 200,
        receivedAt: new Date(T0).toISOString(),
      },
    ]);
  });

  it('serves the URL the relay stores for the robot', async () => {
    const check = normalizeWecomWebhook(robot.url('team'));
    expect(check).toEqual({ ok: true, webhook: robot.url('team') });
  });

  it.each([
    ['an unknown key', (url: string) => url.replace('keytest-0a1b2c3d-team', 'keytest-nobody')],
    ['no key', (url: string) => url.split('?')[0] ?? url],
  ])(
    'answers 93000 to %s, with a hint, the caller and a help URL, and records nothing',
    async (_case, change) => {
      const answer = await post(change(robot.url('team')), markdown('x'));
      expect(answer.status).toBe(200);
      expect(answer.errcode).toBe(93000);
      expect(answer.errmsg).toMatch(
        /^invalid webhook url, hint: \[\S+\], from ip: \S+, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=93000$/,
      );
      expect(robot.messages).toEqual([]);
    },
  );

  it('answers 404 off the send path and to a GET', async () => {
    const upload = robot.url('team').replace('/send?', '/upload_media?');
    expect((await fetch(upload, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(robot.url('team'))).status).toBe(404);
  });

  it('refuses a request whose Host is not this machine', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(robot.url('team'), {
        method: 'POST',
        headers: { host: 'rebound.example', 'content-type': 'application/json' },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.end(JSON.stringify(markdown('x')));
    });
    expect(status).toBe(403);
  });

  it.each([
    ['an upper-case msgtype', { msgtype: 'Markdown', Markdown: { content: 'x' } }],
    ['a Feishu-shaped body', { msg_type: 'text', content: { text: 'x' } }],
    ['a DingTalk-only msgtype', { msgtype: 'actionCard', actionCard: { title: 't', text: 'x' } }],
  ])('answers 40008 invalid message type to %s', async (_case, body) => {
    const answer = await post(robot.url('team'), body);
    expect(answer.errcode).toBe(40008);
    expect(answer.errmsg).toMatch(/^invalid message type, hint: /);
  });

  it.each([
    ['markdown', { msgtype: 'markdown', markdown: { content: '' } }],
    ['markdown_v2', { msgtype: 'markdown_v2', markdown_v2: {} }],
    ['text', { msgtype: 'text', text: { content: '', mentioned_list: ['zhangsan'] } }],
  ])('answers 44004 empty content to an empty %s', async (_case, body) => {
    const answer = await post(robot.url('team'), body);
    expect(answer.errcode).toBe(44004);
    expect(answer.errmsg).toMatch(/^empty content, hint: /);
  });

  it('answers 40035 with the JSON warning to a body that is not JSON, and records the text', async () => {
    const answer = await post(robot.url('team'), '{"msgtype": "markdown",');
    expect(answer.errcode).toBe(40035);
    expect(answer.errmsg).toContain('Warning: wrong json format.');
    expect(robot.messages[0]).toMatchObject({ msgtype: '', message: '{"msgtype": "markdown",' });
  });
});

describe('the WeCom robot emulator byte limits', () => {
  // 1365 CJK characters are 4095 bytes, 1366 are 4098; 682 are 2046, 683 are 2049.
  it.each([
    ['markdown', 4096, 1365, 1366],
    ['markdown_v2', 4096, 1365, 1366],
    ['text', 2048, 682, 683],
  ])('limits %s.content to %i UTF-8 bytes', async (msgtype, maxBytes, fits, over) => {
    const message = (chars: number) => ({ msgtype, [msgtype]: { content: '推'.repeat(chars) } });
    expect((await post(robot.url('team'), message(fits))).errcode).toBe(0);
    const answer = await post(robot.url('team'), message(over));
    expect(answer.errcode).toBe(40058);
    expect(answer.errmsg).toMatch(
      new RegExp(
        `^${msgtype}\\.content exceed max length ${maxBytes}\\. invalid Request Parameter, hint: `,
      ),
    );
    expect(classifyWecomAnswer(answer.status, answer.text)).toMatchObject({
      reason: 'too_long',
      retryable: false,
    });
  });

  it('accepts exactly 4096 bytes of markdown', async () => {
    expect((await post(robot.url('team'), markdown('a'.repeat(4096)))).errcode).toBe(0);
  });

  it('answers 40058 to a body over its cap without reading it', async () => {
    const answer = await post(robot.url('team'), markdown('a'.repeat(2 * 1024 * 1024)));
    expect(answer.errcode).toBe(40058);
    expect(robot.messages[0]).toMatchObject({ message: expect.stringContaining('not read') });
  });
});

describe('the WeCom robot emulator template cards', () => {
  it('accepts a text_notice with its card_action', async () => {
    expect((await post(robot.url('team'), card())).errcode).toBe(0);
  });

  it.each([
    ['no card_action', { card_action: undefined }],
    ['no title at all', { main_title: {}, sub_title_text: undefined }],
    ['an unknown card_type', { card_type: 'markdown' }],
    [
      'four jump_list items',
      {
        jump_list: [1, 2, 3, 4].map((n) => ({ type: 1, title: `${n}`, url: 'https://gitee.com' })),
      },
    ],
    [
      'seven horizontal items',
      {
        horizontal_content_list: Array.from({ length: 7 }, (_, n) => ({
          keyname: `${n}`,
          value: 'v',
        })),
      },
    ],
    [
      'a horizontal item without its keyname',
      { horizontal_content_list: [{ keyname: 'PR', value: 'v' }, { value: 'v' }] },
    ],
    [
      'a button without its title',
      { jump_list: [{ type: 1, title: '', url: 'https://gitee.com/demo/app/pulls/42' }] },
    ],
  ])('answers 40035 to a card with %s', async (_case, fields) => {
    expect((await post(robot.url('team'), card(fields))).errcode).toBe(40035);
  });
});

describe('the WeCom robot emulator rate limit', () => {
  it('answers 45009 to the 21st message in a minute and accepts again when the minute is over', async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await post(robot.url('team'), markdown(`${i}`))).errcode).toBe(0);
      clock += 1000;
    }
    const over = await post(robot.url('team'), markdown('21'));
    expect(over.errcode).toBe(45009);
    expect(over.errmsg).toMatch(/^api freq out of limit, hint: /);
    expect(classifyWecomAnswer(over.status, over.text)).toMatchObject({
      reason: 'rate_limit',
      retryable: true,
      retryAfterMs: 60_000,
    });
    clock = T0 + 60_000;
    expect((await post(robot.url('team'), markdown('later'))).errcode).toBe(0);
  });

  it('does not count refused messages, and counts each robot apart', async () => {
    for (let i = 0; i < 20; i += 1) await post(robot.url('team'), markdown(''));
    for (let i = 0; i < 20; i += 1) await post(robot.url('team'), markdown(`${i}`));
    expect((await post(robot.url('ops'), markdown('x'))).errcode).toBe(0);
    expect((await post(robot.url('team'), markdown('21'))).errcode).toBe(45009);
  });
});

describe('the WeCom robot emulator faults', () => {
  it('answers an injected errcode the given number of times', async () => {
    robot.emulator.setFault('team', { kind: 'errcode', errcode: -1, errmsg: '系统繁忙', times: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i += 1)
      codes.push((await post(robot.url('team'), markdown('x'))).errcode);
    expect(codes).toEqual([-1, -1, 0]);
  });

  it('answers an injected HTTP status and records it without an errcode', async () => {
    robot.emulator.setFault('team', { kind: 'http', status: 503, times: 1 });
    const response = await fetch(robot.url('team'), { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(robot.messages[0]).toMatchObject({ errcode: null, httpStatus: 503 });
  });

  it('answers for the robots it is given after setRobots', async () => {
    robot.emulator.setRobots([{ name: 'new', key: 'keytest-new' }]);
    expect((await post(robot.url('new'), markdown('x'))).errcode).toBe(0);
    expect(() => robot.url('team')).toThrow('team');
  });

  it('forgets messages, faults and rate counts on reset', async () => {
    for (let i = 0; i < 20; i += 1) await post(robot.url('team'), markdown(`${i}`));
    robot.emulator.setFault('team', { kind: 'http', status: 502, times: 5 });
    robot.emulator.reset();
    expect(robot.messages).toEqual([]);
    expect((await post(robot.url('team'), markdown('x'))).errcode).toBe(0);
  });
});
