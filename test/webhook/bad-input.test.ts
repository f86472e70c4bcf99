import { signTimestamp } from '../../lib/crypto/hmac';
import { httpApiEvent, signedGiteeEvent, uniqueNow } from '../helpers/api-gateway';
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

function withBody(body: string, headers = signedHeaders(String(uniqueNow()))) {
  return httpApiEvent({ headers, body });
}

const push = readFixture('push-commits');

function nested(depth: number): string {
  return '{"hook_name":"push_hooks","a":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
}

const CASES: Array<[string, () => ReturnType<typeof httpApiEvent>, number, RegExp]> = [
  [
    'a forged token',
    () => withBody(push, signedHeaders(String(uniqueNow()), 'A'.repeat(43) + '=')),
    401,
    /invalid signature/,
  ],
  [
    'a missing token',
    () => withBody(push, { ...signedHeaders(String(uniqueNow())), 'x-gitee-token': '' }),
    401,
    /invalid signature/,
  ],
  [
    'a token signed with another secret',
    () =>
      withBody(
        push,
        signedHeaders(String(uniqueNow()), signTimestamp(String(uniqueNow()), 'SECtest-wrong')),
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
        ...signedHeaders(String(uniqueNow())),
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
        ...signedHeaders(String(uniqueNow())),
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
        headers: signedHeaders(String(uniqueNow())),
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
        { ...signedHeaders(String(uniqueNow())), 'x-gitee-event': '' },
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
      timestamp: uniqueNow(),
    });
    event.body = Buffer.from(event.body!, 'utf8').toString('base64');
    event.isBase64Encoded = true;
    expect((await relay.handler(event)).statusCode).toBe(200);
  });

  it('accepts the *_hooks spelling of X-Gitee-Event on a real event', async () => {
    const event = signedGiteeEvent({
      body: loadFixture('tag_push-create'),
      secret: GITEE_SECRET,
      timestamp: uniqueNow(),
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
      timestamp: uniqueNow(),
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
      timestamp: uniqueNow(),
    });
    await relay.handler(event);
    await relay.handler(withBody(push, signedHeaders(String(uniqueNow()), 'forged')));
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

/**
 * Coercing this to a string or number throws ("Cannot convert object to primitive value"):
 * any JSON object whose own `toString` and `valueOf` keys hold data does that.
 */
const UNPRINTABLE = { toString: 'x', valueOf: 'y' };
const BAD_ESCAPE_HOOK_URL = 'https://gitee.com/org%zz/api/hooks/1/edit';

const ROUTES_AND_FILTERS = [
  'robots:',
  '  team: { keywords: [Gitee] }',
  "  ops: { keywords: ['代码'] }",
  'routes:',
  "  - branches: ['master', 'feat-*']",
  '    robots: [team]',
  '  - events: [issue, pull_request, comment]',
  '    robots: [ops]',
  'filters:',
  '  ignoreSenders: [ci-bot]',
  "  skipCommitPattern: '\\[skip notify\\]'",
].join('\n');

function patched(name: string, patch: (body: Record<string, unknown>) => void) {
  const body = loadFixture(name);
  patch(body);
  return body;
}

function inner(body: Record<string, unknown>, key: string): Record<string, unknown> {
  return body[key] as Record<string, unknown>;
}

const commitsOf = (name: string) => loadFixture(name).commits as unknown[];

/** A timestamp of its own for each delivery, so none of them can pass for another's replay. */
let sent = 0;
const distinctTimestamp = () => Date.now() - ++sent * 1000;

/** [case, fixture, patch, status, what the answer or the delivered messages must show] */
const WRONG_TYPES: Array<
  [string, string, (body: Record<string, unknown>) => void, number, RegExp]
> = [
  ['a number as ref', 'push-commits', (b) => (b.ref = 7), 400, /"ref" that is not a string/],
  ['an object as ref', 'tag_push-create', (b) => (b.ref = {}), 400, /"ref" that is not a string/],
  ['commits as an object', 'push-commits', (b) => (b.commits = { 0: {} }), 200, /feat-2-1/],
  ['commits as a string', 'push-commits', (b) => (b.commits = 'abc'), 200, /feat-2-1/],
  [
    'commits holding null',
    'push-commits',
    (b) => (b.commits = [null, ...commitsOf('push-commits')]),
    200,
    /\[9921e45\]/,
  ],
  [
    'a commit whose message is a number',
    'push-commits',
    (b) => (b.commits = [{ id: 'a'.repeat(40), message: 42 }]),
    200,
    /feat-2-1/,
  ],
  [
    'an unprintable issue number',
    'issue-open',
    (b) => (inner(b, 'issue').number = UNPRINTABLE),
    200,
    /I4CYEO/,
  ],
  [
    'an object as issue number',
    'issue-open',
    (b) => (inner(b, 'issue').number = {}),
    200,
    /I4CYEO/,
  ],
  [
    'an unprintable pull request number',
    'merge_request-open',
    (b) => (inner(b, 'pull_request').number = UNPRINTABLE),
    200,
    /!9/,
  ],
  [
    'an unprintable issue state',
    'issue-state_change',
    (b) => {
      b.state = UNPRINTABLE;
      inner(b, 'issue').state = UNPRINTABLE;
    },
    200,
    /I4CYEO/,
  ],
  [
    'an unprintable target branch',
    'merge_request-merge',
    (b) => (b.target_branch = UNPRINTABLE),
    200,
    /master/,
  ],
  [
    'an unprintable base ref',
    'merge_request-close',
    (b) => (inner(inner(b, 'pull_request'), 'base').ref = UNPRINTABLE),
    200,
    /master/,
  ],
  [
    'an unprintable body timestamp',
    'push-commits',
    (b) => (b.timestamp = UNPRINTABLE),
    200,
    /feat-2-1/,
  ],
  [
    'a malformed % escape in hook_url on the Test ping',
    'ping-push_hooks',
    (b) => (b.hook_url = BAD_ESCAPE_HOOK_URL),
    200,
    /WebHook/,
  ],
  [
    'a malformed % escape in hook_url and no repository',
    'push-commits',
    (b) => {
      b.hook_url = BAD_ESCAPE_HOOK_URL;
      b.repository = null;
    },
    400,
    /missing repository/,
  ],
];

describe.each([
  ['with routes and filters', ROUTES_AND_FILTERS],
  ['with no routes or filters', undefined],
])('webhook handler %s, given signed fields of the wrong type', (_config, config) => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay({ config });
  });
  afterAll(() => relay.close());
  beforeEach(() => relay.dingtalk.emulator.reset());

  it.each(WRONG_TYPES)(
    'answers %s with what remains',
    async (_name, fixture, patch, status, shown) => {
      const body = patched(fixture, patch);
      const event = signedGiteeEvent({
        body,
        secret: GITEE_SECRET,
        timestamp: distinctTimestamp(),
      });
      // The body keeps the patched timestamp; the signed header carries the real one.
      if ('timestamp' in body && typeof body.timestamp !== 'string') {
        event.body = JSON.stringify({ ...body, sign: event.headers['x-gitee-token'] });
      }
      const answer = await relay.handler(event);
      expect(answer.statusCode).toBe(status);
      const received = relay.dingtalk.emulator.received;
      const seen =
        status === 200
          ? JSON.stringify(received.map((r) => r.message))
          : String(JSON.parse(answer.body).error);
      if (status === 200) expect(received.length).toBeGreaterThan(0);
      else expect(received).toEqual([]);
      expect(seen).toMatch(shown);
      expect(seen).not.toContain('[object Object]');
    },
  );
});
