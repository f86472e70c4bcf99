import { signTimestamp } from '../../lib/crypto/hmac';
import { httpApiEvent, signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture, readFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;
const HOUR = 3_600_000;

function signedHeaders(timestamp: string, token = signTimestamp(timestamp, GITEE_SECRET)) {
  return {
    'content-type': 'application/json',
    'x-gitee-event': 'Push Hook',
    'x-gitee-timestamp': timestamp,
    'x-gitee-token': token,
  };
}

function withBody(body: string, headers = signedHeaders(String(Date.now()))) {
  return httpApiEvent({ headers, body });
}

const push = readFixture('push-commits');

function nested(depth: number): string {
  return '{"hook_name":"push_hooks","a":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
}

const CASES: Array<[string, () => ReturnType<typeof httpApiEvent>, number, RegExp]> = [
  [
    'a forged token',
    () => withBody(push, signedHeaders(String(Date.now()), 'A'.repeat(43) + '=')),
    401,
    /invalid signature/,
  ],
  [
    'a missing token',
    () => withBody(push, { ...signedHeaders(String(Date.now())), 'x-gitee-token': '' }),
    401,
    /invalid signature/,
  ],
  [
    'a token signed with another secret',
    () =>
      withBody(
        push,
        signedHeaders(String(Date.now()), signTimestamp(String(Date.now()), 'SECtest-wrong')),
      ),
    401,
    /invalid signature/,
  ],
  [
    'a stale timestamp',
    () => withBody(push, signedHeaders(String(Date.now() - HOUR - 60_000))),
    401,
    /invalid signature/,
  ],
  [
    'a future timestamp',
    () => withBody(push, signedHeaders(String(Date.now() + HOUR + 60_000))),
    401,
    /invalid signature/,
  ],
  [
    'a non-numeric timestamp',
    () => withBody(push, signedHeaders('yesterday', signTimestamp('yesterday', GITEE_SECRET))),
    401,
    /invalid signature/,
  ],
  ['malformed JSON', () => withBody('{"hook_name": "push_hooks",'), 400, /not valid JSON/],
  [
    'a legacy form-encoded hook',
    () =>
      withBody(`hook=${encodeURIComponent(push)}`, {
        ...signedHeaders(String(Date.now())),
        'content-type': 'application/x-www-form-urlencoded',
      }),
    400,
    /legacy WebHook/,
  ],
  ['JSON that is not an object', () => withBody('[1,2,3]'), 400, /not a JSON object/],
  ['JSON null', () => withBody('null'), 400, /not a JSON object/],
  [
    'an unknown hook',
    () =>
      withBody(JSON.stringify({ ...loadFixture('push-commits'), hook_name: 'wiki_hooks' }), {
        ...signedHeaders(String(Date.now())),
        'x-gitee-event': 'Wiki Hook',
      }),
    400,
    /unknown hook "wiki_hooks"/,
  ],
  [
    'repository: null and no hook_url',
    () =>
      withBody(
        JSON.stringify({ ...loadFixture('push-commits'), repository: null, hook_url: null }),
      ),
    400,
    /missing repository/,
  ],
  [
    'an issue hook without an issue',
    () => withBody(JSON.stringify({ ...loadFixture('issue-open'), issue: null })),
    400,
    /without a "issue" object/,
  ],
  [
    'a 3 MB body',
    () =>
      withBody(
        JSON.stringify({ ...loadFixture('push-commits'), filler: 'x'.repeat(3 * 1024 * 1024) }),
      ),
    413,
    /larger than 1048576 bytes/,
  ],
  [
    'a 3 MB base64 body',
    () =>
      httpApiEvent({
        headers: signedHeaders(String(Date.now())),
        body: Buffer.alloc(3 * 1024 * 1024, 32).toString('base64'),
        isBase64Encoded: true,
      }),
    413,
    /larger than/,
  ],
  [
    'deeply nested JSON without a repository',
    () => withBody(nested(100_000)),
    400,
    /missing repository/,
  ],
  [
    '__proto__ keys',
    () =>
      withBody(
        '{"__proto__":{"hook_name":"push_hooks","repository":{"path_with_namespace":"evil/x"}},"constructor":{"prototype":{"polluted":true}}}',
        { ...signedHeaders(String(Date.now())), 'x-gitee-event': '' },
      ),
    400,
    /no hook_name/,
  ],
];

describe('webhook handler with bad input', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay();
  });
  afterAll(() => relay.close());
  beforeEach(() => relay.dingtalk.emulator.reset());

  it.each(CASES)('refuses %s and sends nothing', async (_name, build, status, message) => {
    const answer = await relay.handler(build());
    expect(answer.statusCode).toBe(status);
    expect(JSON.parse(answer.body).error).toMatch(message);
    expect(relay.dingtalk.emulator.received).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a base64-encoded body from API Gateway', async () => {
    const event = signedGiteeEvent({
      body: loadFixture('push-commits'),
      secret: GITEE_SECRET,
      timestamp: Date.now(),
    });
    event.body = Buffer.from(event.body!, 'utf8').toString('base64');
    event.isBase64Encoded = true;
    expect((await relay.handler(event)).statusCode).toBe(200);
  });

  it('accepts the *_hooks spelling of X-Gitee-Event on a real event', async () => {
    const event = signedGiteeEvent({
      body: loadFixture('tag_push-create'),
      secret: GITEE_SECRET,
      timestamp: Date.now(),
      headers: { 'x-gitee-event': 'tag_push_hooks', 'x-gitee-ping': 'false' },
    });
    expect(JSON.parse((await relay.handler(event)).body)).toMatchObject({
      status: 'delivered',
      event: 'tag_push',
    });
  });

  it('answers a repeated identical delivery with 202 duplicate and sends once', async () => {
    const event = signedGiteeEvent({
      body: loadFixture('issue-open'),
      secret: GITEE_SECRET,
      timestamp: Date.now(),
    });
    expect((await relay.handler(event)).statusCode).toBe(200);
    const again = await relay.handler(event);
    expect(again.statusCode).toBe(202);
    expect(JSON.parse(again.body)).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/duplicate/),
    });
    expect(relay.dingtalk.emulator.received).toHaveLength(2);
  });

  it('never logs a secret, a token, a robot URL or the body', async () => {
    const before = relay.logs.length;
    const event = signedGiteeEvent({
      body: loadFixture('note-issue'),
      secret: GITEE_SECRET,
      timestamp: Date.now(),
    });
    await relay.handler(event);
    await relay.handler(withBody(push, signedHeaders(String(Date.now()), 'forged')));
    const lines = relay.logs.slice(before);
    const logs = lines.join('\n');
    for (const secret of [
      GITEE_SECRET,
      'SECtest-team',
      'access_token',
      'token-team',
      event.headers['x-gitee-token']!,
      'test issue comment hook',
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(lines.map((line) => JSON.parse(line).status)).toEqual([200, 401]);
  });
});
