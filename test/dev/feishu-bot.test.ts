import http from 'node:http';
import { startFeishuBot, type RunningFeishuBot } from '../../dev/fakes/feishu-bot';
import { classifyFeishuAnswer } from '../../lib/platforms/feishu/classify';
import { signFeishuBody } from '../../lib/platforms/feishu/sign';

// Vector F1 of feishu-wecom-robot-api.md §1.3, and the DingTalk construction's answer for it.
const F1 = {
  secret: 'demo',
  timestamp: '1599360473',
  sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=',
  dingtalkStyle: 'DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=',
};
const T0 = Number(F1.timestamp) * 1000;
let clock = T0;

const BOTS = [
  { name: 'plain', token: 'tokentest-plain' },
  { name: 'signed', token: 'tokentest-signed', secret: F1.secret },
  { name: 'keyed', token: 'tokentest-keyed', keywords: ['Gitee'] },
];

const text = (content: string) => ({ msg_type: 'text', content: { text: content } });
const card = (title: string, markdown: string, url = 'https://gitee.com/demo/app') => ({
  msg_type: 'interactive',
  card: {
    header: { template: 'blue', title: { tag: 'plain_text', content: title } },
    elements: [
      { tag: 'div', text: { tag: 'lark_md', content: markdown } },
      {
        tag: 'action',
        actions: [{ tag: 'button', text: { tag: 'plain_text', content: 'Open' }, url }],
      },
    ],
  },
});

let bot: RunningFeishuBot;

beforeEach(async () => {
  clock = T0;
  bot = await startFeishuBot({ bots: BOTS, now: () => clock });
});

afterEach(() => bot.close());

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function code(url: string, body: unknown): Promise<number> {
  return (JSON.parse((await post(url, body)).text) as { code: number }).code;
}

describe('the Feishu bot emulator', () => {
  it('answers success with code 0 and the old StatusCode fields', async () => {
    const { status, text: answer } = await post(bot.url('plain'), text('hello'));
    expect(status).toBe(200);
    expect(JSON.parse(answer)).toEqual({
      StatusCode: 0,
      StatusMessage: 'success',
      code: 0,
      data: {},
      msg: 'success',
    });
  });

  it('answers 19001 to an unknown token without recording it', async () => {
    const url = bot.url('plain').replace('tokentest-plain', 'tokentest-nobody');
    expect(JSON.parse((await post(url, text('x'))).text)).toEqual({
      code: 19001,
      data: {},
      msg: 'param invalid: incoming webhook access token invalid',
    });
    expect(bot.messages).toEqual([]);
  });

  it('answers 404 off the v2 hook path and to a GET', async () => {
    const legacy = bot.url('plain').replace('/bot/v2/hook/', '/bot/hook/');
    expect((await post(legacy, text('x'))).status).toBe(404);
    expect((await fetch(bot.url('plain'))).status).toBe(404);
  });

  it('refuses a request whose Host is not this machine', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(bot.url('plain'), {
        method: 'POST',
        headers: { host: 'rebound.example:80', 'content-type': 'application/json' },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.end(JSON.stringify(text('x')));
    });
    expect(status).toBe(403);
    expect(bot.messages).toEqual([]);
  });

  it.each([
    ['not JSON', '{not json'],
    ['a WeCom-shaped body', { msgtype: 'text', text: { content: 'x' } }],
    ['a card sent as content', { msg_type: 'interactive', content: card('t', 'x').card }],
    ['an empty text', text('')],
    ['an unknown msg_type', { msg_type: 'markdown', content: { text: 'x' } }],
    [
      'a 2.0 card with a note',
      {
        msg_type: 'interactive',
        card: { schema: '2.0', body: { elements: [{ tag: 'note', elements: [] }] } },
      },
    ],
    [
      'a 2.0 card with 1.0 elements at the top',
      { msg_type: 'interactive', card: { schema: '2.0', elements: [] } },
    ],
  ])('answers 9499 Bad Request to %s', async (_case, body) => {
    expect(JSON.parse((await post(bot.url('plain'), body)).text)).toEqual({
      code: 9499,
      data: {},
      msg: 'Bad Request',
    });
  });

  it('accepts a 2.0 card with a button among its body elements', async () => {
    const v2 = {
      msg_type: 'interactive',
      card: {
        schema: '2.0',
        header: { title: { tag: 'plain_text', content: 't' } },
        body: {
          elements: [
            { tag: 'markdown', content: 'x' },
            { tag: 'button', text: { tag: 'plain_text', content: 'Open' } },
          ],
        },
      },
    };
    expect(await code(bot.url('plain'), v2)).toBe(0);
  });
});

describe('the Feishu bot emulator signature check', () => {
  const signed = (timestamp: string | number, sign: string) => ({ timestamp, sign, ...text('x') });

  it('accepts the doc vector F1, with the timestamp as a string or a number', async () => {
    expect(await code(bot.url('signed'), signed(F1.timestamp, F1.sign))).toBe(0);
    expect(await code(bot.url('signed'), signed(Number(F1.timestamp), F1.sign))).toBe(0);
  });

  it.each([
    ['the DingTalk-style sign', signed(F1.timestamp, F1.dingtalkStyle)],
    ['a URL-encoded sign', signed(F1.timestamp, encodeURIComponent(F1.sign))],
    ['no sign', text('x')],
    [
      'a valid HMAC over milliseconds (F7)',
      signed(`${F1.timestamp}000`, 'Mv6tsKRjhEkOT80gLMqIk9MQWzCXi/ZbV4fjs3G0m14='),
    ],
  ])('answers 19021 to %s', async (_case, body) => {
    expect(JSON.parse((await post(bot.url('signed'), body)).text)).toEqual({
      code: 19021,
      data: {},
      msg: 'sign match fail or timestamp is not within one hour from current time',
    });
  });

  it.each([
    [-61, 19021],
    [-59, 0],
    [59, 0],
    [61, 19021],
  ])('at %i minutes off the signing time answers %i', async (minutes, expected) => {
    clock = T0 + minutes * 60_000;
    expect(await code(bot.url('signed'), signed(F1.timestamp, F1.sign))).toBe(expected);
  });

  it('accepts what the relay signs, and the relay reads a wrong secret as a signature fault', async () => {
    const good = signFeishuBody(text('x'), F1.secret, clock);
    expect(await code(bot.url('signed'), good)).toBe(0);
    const bad = await post(bot.url('signed'), signFeishuBody(text('x'), 'SECtest-wrong', clock));
    expect(classifyFeishuAnswer(bad.status, bad.text)).toMatchObject({
      reason: 'signature',
      errcode: 19021,
      retryable: false,
    });
  });

  it('records the message with its sign masked', async () => {
    await post(bot.url('signed'), signed(F1.timestamp, F1.sign));
    expect(bot.messages).toEqual([
      {
        platform: 'feishu',
        robot: 'signed',
        msgtype: 'text',
        message: { timestamp: F1.timestamp, sign: '<sign>', ...text('x') },
        errcode: 0,
        errmsg: 'success',
        httpStatus: 200,
        receivedAt: new Date(T0).toISOString(),
      },
    ]);
  });
});

describe('the Feishu bot emulator keyword check', () => {
  it('answers 19024 when the keyword is only in link targets', async () => {
    const body = card(
      'push',
      'see [the page](https://gitee.com/Gitee/app)',
      'https://gitee.com/Gitee',
    );
    expect(JSON.parse((await post(bot.url('keyed'), body)).text)).toEqual({
      code: 19024,
      data: {},
      msg: 'Key Words Not Found',
    });
  });

  it('answers 19024 when the keyword is only in a post link href', async () => {
    const post_ = {
      msg_type: 'post',
      content: {
        post: {
          zh_cn: {
            title: 'push',
            content: [[{ tag: 'a', text: 'page', href: 'https://gitee.com/Gitee' }]],
          },
        },
      },
    };
    expect(await code(bot.url('keyed'), post_)).toBe(19024);
  });

  it.each([
    ['the card header', card('[Gitee] push', 'main')],
    ['a link text', card('push', 'see [Gitee](https://gitee.com/demo/app)')],
    ['a text message', text('Gitee: push')],
  ])('accepts the keyword in %s', async (_case, body) => {
    expect(await code(bot.url('keyed'), body)).toBe(0);
  });
});

describe('the Feishu bot emulator body cap', () => {
  const sized = (bytes: number) => {
    const empty = JSON.stringify(text('')).length;
    return JSON.stringify(text('a'.repeat(bytes - empty)));
  };

  it('accepts a body of exactly 20,480 bytes', async () => {
    expect(await code(bot.url('plain'), sized(20_480))).toBe(0);
  });

  it.each([20_481, 5 * 1024 * 1024])('answers 9499 to a body of %i bytes', async (bytes) => {
    expect(await code(bot.url('plain'), sized(bytes))).toBe(9499);
    expect(bot.messages.at(-1)).toMatchObject({
      errcode: 9499,
      message: expect.stringContaining('not read'),
    });
  });

  it('answers 9499 to a chunked body as soon as it crosses the cap', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const request = http.request(bot.url('plain'), { method: 'POST' });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      request.on('error', reject);
      // No Content-Length: the size is known only while reading.
      request.write('{"msg_type":"text","content":{"text":"');
      for (let i = 0; i < 30; i += 1) request.write('a'.repeat(1024));
      request.end('"}}');
    });
    expect(JSON.parse(answer)).toMatchObject({ code: 9499, msg: 'Bad Request' });
  });
});

describe('the Feishu bot emulator rate limit', () => {
  it('answers HTTP 400 9499 too many request to the sixth message in a second', async () => {
    for (let i = 0; i < 5; i += 1) expect(await code(bot.url('plain'), text(`${i}`))).toBe(0);
    const sixth = await post(bot.url('plain'), text('6'));
    expect(sixth.status).toBe(400);
    expect(JSON.parse(sixth.text)).toEqual({ code: 9499, data: {}, msg: 'too many request' });
    expect(classifyFeishuAnswer(sixth.status, sixth.text)).toMatchObject({
      reason: 'rate_limit',
      retryable: true,
    });
    clock += 1000;
    expect(await code(bot.url('plain'), text('later'))).toBe(0);
  });

  it('answers 9499 to the 101st message in a minute, sent 5 a second', async () => {
    for (let i = 0; i < 100; i += 1) {
      if (i > 0 && i % 5 === 0) clock += 1000;
      expect(await code(bot.url('plain'), text(`${i}`))).toBe(0);
    }
    clock += 1000;
    expect(await code(bot.url('plain'), text('101'))).toBe(9499);
    clock = T0 + 60_000;
    expect(await code(bot.url('plain'), text('next minute'))).toBe(0);
  });

  it('counts each bot apart', async () => {
    for (let i = 0; i < 5; i += 1) await post(bot.url('plain'), text(`${i}`));
    expect(await code(bot.url('keyed'), text('Gitee'))).toBe(0);
  });
});

describe('the Feishu bot emulator faults', () => {
  it('answers an injected code the given number of times', async () => {
    bot.emulator.setFault('plain', {
      kind: 'code',
      code: 11232,
      msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1500]',
      times: 1,
    });
    expect(await code(bot.url('plain'), text('x'))).toBe(11232);
    expect(await code(bot.url('plain'), text('x'))).toBe(0);
  });

  it('answers an injected HTTP status and records it without a code', async () => {
    bot.emulator.setFault('plain', { kind: 'http', status: 502, times: 1 });
    expect((await post(bot.url('plain'), text('x'))).status).toBe(502);
    expect(bot.messages[0]).toMatchObject({ errcode: null, httpStatus: 502 });
  });

  it('forgets messages, faults and rate counts on reset', async () => {
    for (let i = 0; i < 5; i += 1) await post(bot.url('plain'), text(`${i}`));
    bot.emulator.setFault('plain', { kind: 'http', status: 502, times: 5 });
    bot.emulator.reset();
    expect(bot.messages).toEqual([]);
    expect(await code(bot.url('plain'), text('x'))).toBe(0);
  });

  it('tells listeners about each message', async () => {
    const heard: string[] = [];
    const stop = bot.emulator.onMessage((message) => heard.push(message.msgtype));
    await post(bot.url('plain'), text('x'));
    stop();
    await post(bot.url('plain'), text('y'));
    expect(heard).toEqual(['text']);
  });

  it('refuses a fault for a bot it does not know', () => {
    expect(() => bot.emulator.setFault('nobody', { kind: 'http', status: 500, times: 1 })).toThrow(
      'nobody',
    );
  });
});
