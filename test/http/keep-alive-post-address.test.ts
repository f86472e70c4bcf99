import http from 'node:http';
import type { LookupFunction } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';

// On Linux a connection to 0.0.0.0 lands on this machine, so a forbidden address that stays on
// loopback shows whether the transport would have connected: the server counts what arrives.
let server: http.Server;
let connections: number;
let port: number;

beforeEach(async () => {
  connections = 0;
  server = http.createServer((req, res) => {
    req.resume();
    res.end('{"errcode":0,"errmsg":"ok"}');
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A resolver that answers every name with 0.0.0.0, as a hostile DNS record would. */
const resolvesToUnspecified: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '0.0.0.0', family: 4 }]);
  else callback(null, '0.0.0.0', 4);
};

const post = (url: string, lookup?: LookupFunction) =>
  createKeepAliveHttpPost({ lookup })(url, '{}', {
    headers: { 'content-type': 'application/json' },
    signal: new AbortController().signal,
  });

describe('createKeepAliveHttpPost address guard', () => {
  it('reaches a loopback server by name (the fake resolver is sound)', async () => {
    const toLoopback: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    };
    await expect(post(`http://robot.test:${port}/robot/send`, toLoopback)).resolves.toMatchObject({
      status: 200,
    });
    expect(connections).toBe(1);
  });

  it('refuses to connect when the name resolves to a forbidden address', async () => {
    await expect(
      post(`http://robot.test:${port}/robot/send`, resolvesToUnspecified),
    ).rejects.toMatchObject({
      code: 'ERR_FORBIDDEN_ADDRESS',
      message: 'refused to connect: the host is, or resolves to, a link-local or metadata address',
    });
    expect(connections).toBe(0);
  });

  it.each(['0.0.0.0', '[::ffff:0.0.0.0]', '0'])(
    'refuses a forbidden IP literal %s, which never goes through lookup',
    async (host) => {
      await expect(post(`http://${host}:${port}/robot/send`)).rejects.toMatchObject({
        code: 'ERR_FORBIDDEN_ADDRESS',
      });
      expect(connections).toBe(0);
    },
  );
});
