import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { createRobotEmulator, type RobotEmulator } from '../../dev/dingtalk-robot';
import { Secret } from '../../lib/crypto/secret';
import { dingtalk } from '../../lib/platforms/dingtalk';
import { createDirectDeliverer, createKeepAlivePost } from '../../lib/send/direct';
import type { DeliveryJob } from '../../lib/send/types';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { testRobot } from '../helpers/robots';
import {
  openCertificateWorkshop,
  type CertificateWorkshop,
  type KeyPair,
} from './test-certificates';

const SECRET = 'SECtest-tls-0123456789abcdef';
const TOKEN = 'tokentest-tls';
const now = () => Date.now();

let workshop: CertificateWorkshop;
/** The CA the transport is told to trust, and what it and another CA signed. */
let trustedCa: string;
let signed: KeyPair;
let wrongName: KeyPair;
let otherCaSigned: KeyPair;

beforeAll(async () => {
  workshop = await openCertificateWorkshop();
  const ca = await workshop.createCa('gitee-dingtalk test CA');
  const otherCa = await workshop.createCa('gitee-dingtalk other CA');
  trustedCa = ca.cert;
  signed = await ca.issue('IP:127.0.0.1');
  wrongName = await ca.issue('DNS:robot.invalid');
  otherCaSigned = await otherCa.issue('IP:127.0.0.1');
});

afterAll(() => workshop.close());

/** Servers and sockets a test opened, closed after it whatever it did. */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/** A DingTalk robot emulator over TLS, counting TCP connections and TLS handshakes. */
async function startTlsRobot(pair: KeyPair) {
  const emulator: RobotEmulator = createRobotEmulator({
    robots: [{ name: 'team', accessToken: TOKEN, secret: SECRET, keywords: ['Gitee'] }],
  });
  const counts = { connections: 0, handshakes: 0, requests: 0 };
  const server = https.createServer(pair, (req, res) => {
    counts.requests += 1;
    emulator.handle(req, res);
  });
  server.on('connection', () => (counts.connections += 1));
  server.on('secureConnection', () => (counts.handshakes += 1));
  // A client refusing our certificate ends its handshake; that is the test, not a failure.
  server.on('tlsClientError', () => {});
  cleanups.push(async () => server.closeAllConnections());
  const port = await listen(server);
  return { emulator, counts, url: `https://127.0.0.1:${port}/robot/send?access_token=${TOKEN}` };
}

/** Reads the ClientHello and drops it: a paused socket holding unread data never reports close. */
const readAndDrop = (socket: net.Socket) => void socket.resume();

/** A TCP server that never speaks first: `accepted` once a client connects, `closed` once it left. */
async function startSilentServer(onSocket = readAndDrop) {
  let accept = () => {};
  let close = () => {};
  const accepted = new Promise<void>((resolve) => (accept = resolve));
  const closed = new Promise<void>((resolve) => (close = resolve));
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.on('close', close);
    cleanups.push(async () => void socket.destroy());
    onSocket(socket);
    accept();
  });
  return { port: await listen(server), accepted, closed };
}

function job(webhook: string): DeliveryJob {
  return {
    robot: testRobot('team', {
      webhook: new Secret(webhook),
      secret: new Secret(SECRET),
      keywords: ['Gitee'],
    }),
    platform: dingtalk,
    message: { msgtype: 'markdown', markdown: { title: 'Gitee', text: 'Gitee push' } },
  };
}

const postOnce = (post: ReturnType<typeof createKeepAliveHttpPost>, url: string) =>
  post(url, '{}', {
    headers: { 'content-type': 'application/json' },
    signal: new AbortController().signal,
  });

describe('createKeepAliveHttpPost over https', () => {
  it('delivers to a robot whose certificate the CA signed, over one kept-alive TLS connection', async () => {
    const robot = await startTlsRobot(signed);
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(createKeepAliveHttpPost({ ca: trustedCa })),
      now,
    });
    for (let i = 0; i < 3; i += 1) {
      expect(await deliverer.deliver([job(robot.url)], now() + 3000)).toEqual([
        { robot: 'team', platform: 'dingtalk', ok: true, attempts: 1 },
      ]);
    }
    expect(robot.emulator.received.map((message) => message.errcode)).toEqual([0, 0, 0]);
    expect(robot.counts).toEqual({ connections: 1, handshakes: 1, requests: 3 });
  });

  it('refuses a server whose certificate another CA signed, with a plain error', async () => {
    const robot = await startTlsRobot(otherCaSigned);
    await expect(
      postOnce(createKeepAliveHttpPost({ ca: trustedCa }), robot.url),
    ).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(createKeepAliveHttpPost({ ca: trustedCa })),
      now,
      sleep: async () => {},
    });
    expect(await deliverer.deliver([job(robot.url)], now() + 3000)).toEqual([
      {
        robot: 'team',
        platform: 'dingtalk',
        ok: false,
        reason: 'network',
        error:
          "network error (UNABLE_TO_VERIFY_LEAF_SIGNATURE): DingTalk's TLS certificate could not be verified",
        attempts: 1,
      },
    ]);
    expect(robot.counts.requests).toBe(0);
  });

  it('refuses a certificate the CA signed for another name', async () => {
    const robot = await startTlsRobot(wrongName);
    await expect(
      postOnce(createKeepAliveHttpPost({ ca: trustedCa }), robot.url),
    ).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(robot.counts.requests).toBe(0);
  });

  it('trusts only the usual roots when no CA is given, so the test CA is refused', async () => {
    const robot = await startTlsRobot(signed);
    await expect(postOnce(createKeepAliveHttpPost(), robot.url)).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    expect(robot.counts.requests).toBe(0);
  });

  it('settles by the deadline when the TLS handshake never gets an answer, and closes the socket', async () => {
    const silent = await startSilentServer();
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(createKeepAliveHttpPost({ ca: trustedCa })),
      now,
      attemptTimeoutMs: 10_000,
    });
    const url = `https://127.0.0.1:${silent.port}/robot/send?access_token=${TOKEN}`;
    const [result] = await deliverer.deliver([job(url)], now() + 300);
    expect(result).toEqual({
      robot: 'team',
      platform: 'dingtalk',
      ok: false,
      reason: 'timeout',
      error: 'timeout: the deadline passed before DingTalk answered',
      attempts: 1,
    });
    await silent.accepted;
    await silent.closed;
  });

  it('settles by the deadline when the TLS handshake trickles in a byte at a time', async () => {
    const robot = await startTlsRobot(signed);
    const port = Number(new URL(robot.url).port);
    // A proxy that passes the client's bytes on at once and the server's one every 20 ms.
    const slow = await startSilentServer((client) => {
      const upstream = net.connect(port, '127.0.0.1');
      upstream.on('error', () => {});
      client.pipe(upstream);
      const pending: number[] = [];
      upstream.on('data', (chunk: Buffer) => pending.push(...chunk));
      const timer = setInterval(() => {
        const byte = pending.shift();
        if (byte !== undefined && client.writable) client.write(Buffer.of(byte));
      }, 20);
      client.on('close', () => {
        clearInterval(timer);
        upstream.destroy();
      });
    });
    const deliverer = createDirectDeliverer({
      post: createKeepAlivePost(createKeepAliveHttpPost({ ca: trustedCa })),
      now,
      attemptTimeoutMs: 10_000,
    });
    const url = `https://127.0.0.1:${slow.port}/robot/send?access_token=${TOKEN}`;
    const [result] = await deliverer.deliver([job(url)], now() + 300);
    expect(result).toMatchObject({ ok: false, reason: 'timeout', attempts: 1 });
    await slow.closed;
    expect(robot.counts.requests).toBe(0);
  });

  it('aborts a hanging handshake when its signal aborts', async () => {
    const silent = await startSilentServer();
    const post = createKeepAliveHttpPost({ ca: trustedCa });
    const attempt = new AbortController();
    const answer = post(`https://127.0.0.1:${silent.port}/`, '{}', {
      headers: {},
      signal: attempt.signal,
    });
    await silent.accepted;
    attempt.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    await silent.closed;
  });
});
