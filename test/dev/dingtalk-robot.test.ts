import http from 'node:http';
import {
  startRobotEmulator,
  type ReceivedMessage,
  type RunningRobotEmulator,
} from '../../dev/dingtalk-robot';
import { signRobotUrl } from '../../lib/platforms/dingtalk/sign';

const SECRET = 'SECtest-emulator-0123456789abcdef';
const T0 = Date.UTC(2024, 0, 1);
let clock = T0;

const ROBOTS = [
  { name: 'plain', accessToken: 'tokentest-plain' },
  { name: 'signed', accessToken: 'tokentest-signed', secret: SECRET },
  { name: 'keyed', accessToken: 'tokentest-keyed', keywords: ['Gitee', '代码'] },
];

const markdown = (title: string, text: string) => ({
  msgtype: 'markdown',
  markdown: { title, text },
});

let robot: RunningRobotEmulator;

beforeEach(async () => {
  clock = T0;
  robot = await startRobotEmulator({ robots: ROBOTS, now: () => clock });
});

afterEach(() => robot.close());

async function post(url: string, body: unknown, method = 'POST') {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Sends the start of a body and never ends it; resolves with the answer that comes anyway. */
function postWithoutEnd(url: string, start: string) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        req.on('error', () => {}); // dropping the unfinished upload is the point
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.write(start);
  });
}

const baseUrl = () => new URL(robot.url('plain')).origin;

describe('the DingTalk robot emulator', () => {
  it('answers 43002 to a GET', async () => {
    expect(await post(robot.url('plain'), null, 'GET')).toEqual({
      status: 200,
      body: { errcode: 43002, errmsg: '需要POST请求' },
    });
  });

  it('answers 40035 when access_token is missing', async () => {
    const { body } = await post(`${baseUrl()}/robot/send`, markdown('t', 'x'));
    expect(body).toEqual({ errcode: 40035, errmsg: '缺少参数 access_token' });
  });

  it('answers 300005 to an unknown token without recording it', async () => {
    const { body } = await post(`${baseUrl()}/robot/send?access_token=nope`, markdown('t', 'x'));
    expect(body).toEqual({ errcode: 300005, errmsg: 'token is not exist' });
    expect(robot.emulator.received).toEqual([]);
  });

  it('answers 300001 to a body that is not JSON and records the raw text', async () => {
    const { body } = await post(robot.url('plain'), '{not json');
    expect(body).toEqual({ errcode: 300001, errmsg: 'message param msgtype is null' });
    expect(robot.emulator.received[0]).toMatchObject({ message: '{not json', msgtype: '' });
  });

  it('answers 400403 when a required field is empty', async () => {
    const { body } = await post(robot.url('plain'), markdown('title', ''));
    expect(body).toMatchObject({ errcode: 400403, errmsg: expect.stringContaining('text 缺失') });
  });

  it('answers 400105 to a msgtype webhooks do not support', async () => {
    const { body } = await post(robot.url('plain'), { msgtype: 'image', image: {} });
    expect(body).toEqual({ errcode: 400105, errmsg: '不支持的消息类型' });
  });

  it.each([
    ['missing', (url: string) => url],
    ['wrong', (url: string) => signRobotUrl(url, 'SECtest-some-other-secret', clock)],
  ])('answers 310000 sign-not-match when the sign is %s', async (_case, sign) => {
    const { body } = await post(sign(robot.url('signed')), markdown('t', 'x'));
    expect(body).toMatchObject({ errcode: 310000, errmsg: expect.stringContaining('签名不匹配') });
  });

  it('answers 310000 invalid timestamp to a correct sign more than one hour old', async () => {
    const url = signRobotUrl(robot.url('signed'), SECRET, clock - 61 * 60 * 1000);
    const { body } = await post(url, markdown('t', 'x'));
    expect(body).toEqual({ errcode: 310000, errmsg: 'invalid timestamp' });
  });

  it('answers 460101 to a body over 20000 bytes', async () => {
    const { body } = await post(robot.url('plain'), markdown('t', '代'.repeat(6700)));
    expect(body).toMatchObject({ errcode: 460101, errmsg: expect.stringContaining('20000bytes') });
  });

  it('answers 460101 as soon as a body passes 20,480 bytes, without waiting for the rest', async () => {
    const start = JSON.stringify(markdown('t', 'x'.repeat(30_000))).slice(0, 25_000);

    // The upload never ends: an emulator that read whole bodies would never answer.
    const answer = await postWithoutEnd(robot.url('plain'), start);

    expect(answer).toEqual({
      status: 200,
      body: { errcode: 460101, errmsg: expect.stringContaining('20000bytes') as unknown },
    });
    expect(robot.emulator.received).toEqual([
      expect.objectContaining({ robot: 'plain', errcode: 460101, msgtype: '' }),
    ]);
  });

  it('answers 310000 keyword mismatch when no keyword is in the title or text', async () => {
    const { body } = await post(robot.url('keyed'), markdown('push', 'main'));
    expect(body).toMatchObject({
      errcode: 310000,
      errmsg: expect.stringContaining('关键词不匹配'),
    });
  });

  it('accepts a keyword found in the title alone', async () => {
    const { body } = await post(robot.url('keyed'), markdown('[Gitee] push', 'main'));
    expect(body).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('answers 130101 to the 21st message in a minute and accepts again after the 10-minute penalty', async () => {
    for (let i = 0; i < 20; i += 1) await post(robot.url('plain'), markdown('t', `${i}`));
    expect((await post(robot.url('plain'), markdown('t', '21'))).body).toEqual({
      errcode: 130101,
      errmsg: 'send too fast, exceed 20 times per minute',
    });
    clock += 60_000;
    expect((await post(robot.url('plain'), markdown('t', 'penalty'))).body).toMatchObject({
      errcode: 130101,
    });
    clock += 9 * 60_000;
    expect((await post(robot.url('plain'), markdown('t', 'later'))).body).toMatchObject({
      errcode: 0,
    });
  });

  it('accepts a correctly signed message and records it for listeners', async () => {
    const heard: ReceivedMessage[] = [];
    robot.emulator.onMessage((message) => heard.push(message));
    const message = markdown('title', 'text');
    const { body } = await post(signRobotUrl(robot.url('signed'), SECRET, clock), message);
    expect(body).toEqual({ errcode: 0, errmsg: 'ok' });
    const expected: ReceivedMessage = {
      robot: 'signed',
      msgtype: 'markdown',
      message,
      errcode: 0,
      errmsg: 'ok',
      httpStatus: 200,
      receivedAt: new Date(T0).toISOString(),
    };
    expect(robot.emulator.received).toEqual([expected]);
    expect(heard).toEqual([expected]);
  });
});

describe('the DingTalk robot emulator faults', () => {
  it('answers an injected errcode the given number of times', async () => {
    robot.emulator.setFault('plain', {
      kind: 'errcode',
      errcode: -1,
      errmsg: '系统繁忙',
      times: 2,
    });
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      const { body } = await post(robot.url('plain'), markdown('t', 'x'));
      codes.push((body as { errcode: number }).errcode);
    }
    expect(codes).toEqual([-1, -1, 0]);
  });

  it('answers an injected HTTP status and records it without an errcode', async () => {
    robot.emulator.setFault('plain', { kind: 'http', status: 503, times: 1 });
    const response = await fetch(robot.url('plain'), { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(robot.emulator.received[0]).toMatchObject({ errcode: null, httpStatus: 503 });
  });

  it('never answers a hanging robot, and still closes', async () => {
    robot.emulator.setFault('plain', { kind: 'hang' });
    const request = fetch(robot.url('plain'), { method: 'POST', body: '{}' });
    await expect(
      fetch(robot.url('plain'), { method: 'POST', body: '{}', signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    await robot.close();
    await expect(request).rejects.toThrow();
  });

  it('forgets messages and faults on reset', async () => {
    robot.emulator.setFault('plain', { kind: 'errcode', errcode: -1, errmsg: 'busy', times: 5 });
    await post(robot.url('plain'), markdown('t', 'x'));
    robot.emulator.reset();
    expect(robot.emulator.received).toEqual([]);
    expect((await post(robot.url('plain'), markdown('t', 'x'))).body).toMatchObject({ errcode: 0 });
  });

  it('refuses a fault for a robot it does not know', () => {
    expect(() => robot.emulator.setFault('nobody', { kind: 'hang' })).toThrow('nobody');
  });
});
