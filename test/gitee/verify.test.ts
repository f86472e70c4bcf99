import { Secret } from '../../lib/crypto/secret';
import { verifyGiteeRequest } from '../../lib/gitee/verify';
import { fixtureNames, loadFixture } from '../helpers/fixtures';

const HOUR = 3_600_000;
const GO_SCM_SECRET = 'bBg5lrt03VixkX85CNqYIcecC0SIGASE';

function verify(
  token: string | undefined,
  timestamp: string | undefined,
  secrets: string[],
  now = Number(timestamp),
  accept: 'sign' | 'password' | 'either' = 'either',
) {
  return verifyGiteeRequest({
    token,
    timestamp,
    secrets: secrets.map((s) => new Secret(s)),
    accept,
    now,
    windowMs: HOUR,
  });
}

const PASSWORD = 'd6014813c7395e229a05adc423f55031';
const PASSWORD_TS = '1645760000000';

// Known answers from gitee-webhook-protocol.md §2.5, computed independently of this code.
const VECTORS: Array<[secret: string, timestamp: string, token: string]> = [
  [GO_SCM_SECRET, '1633679083918', 'Xvh4YPVe6l31XpDRL9J2yeaEXabsckIoUUschpXiVck='],
  ['my-gitee-secret', '1700000000000', 'wUrk+DM00SfQMewqi/ckzlJx0VOYUMieFoUcKxA3PdA='],
  ['this is secret', '1576754827988', '2D978FIy4DMMTbiN80zQkNH1Eq/kMBt3gL6OnWfGzzY='],
  ['SECa1b2c3d4e5f6', '1633679083918', 'WZT3erP2ACccfV7fbIlCl/AQ/CGElxsHgu8igruy/uk='],
  ['密钥-中文-secret', '1700000000123', 'nKBVTGRKfGVDJcWzskzkHK3MxmPa67X4Ljeuxheom+M='],
];

describe('verifyGiteeRequest', () => {
  it.each(VECTORS)('accepts the published signature for secret %j at %s', (secret, ts, token) => {
    expect(verify(token, ts, [secret])).toMatchObject({
      ok: true,
      mode: 'sign',
      timestampMs: Number(ts),
    });
  });

  it.each(VECTORS)('accepts the URL-encoded form of the signature for %j', (secret, ts, token) => {
    expect(verify(encodeURIComponent(token), ts, [secret])).toMatchObject({
      ok: true,
      mode: 'sign',
    });
  });

  it('rejects the go-scm negative vector: the right token with the timestamp one ms earlier', () => {
    const result = verify('Xvh4YPVe6l31XpDRL9J2yeaEXabsckIoUUschpXiVck=', '1633679083917', [
      GO_SCM_SECRET,
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('accepts every signed real delivery by its body timestamp and sign', () => {
    const signed = fixtureNames()
      .map(loadFixture)
      .filter((body) => typeof body.sign === 'string' && body.sign !== '');
    expect(signed).toHaveLength(17);
    for (const body of signed) {
      expect(verify(String(body.sign), String(body.timestamp), [GO_SCM_SECRET])).toMatchObject({
        ok: true,
        mode: 'sign',
      });
    }
  });

  it('accepts a token signed with any of several configured secrets (rotation)', () => {
    const [, ts, token] = VECTORS[1]!;
    expect(verify(token, ts, ['SECtest-new-secret', 'my-gitee-secret'])).toMatchObject({
      ok: true,
    });
  });

  it('accepts password mode: the token equals a configured secret', () => {
    expect(verify(PASSWORD, PASSWORD_TS, [PASSWORD])).toMatchObject({
      ok: true,
      mode: 'password',
      timestampMs: Number(PASSWORD_TS),
    });
  });

  it('refuses a password delivery without X-Gitee-Timestamp, which Gitee always sends', () => {
    expect(verify(PASSWORD, undefined, [PASSWORD], Number(PASSWORD_TS))).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });

  it.each([HOUR + 1, -HOUR - 1])('refuses a password delivery %i ms off the window', (off) => {
    expect(verify(PASSWORD, PASSWORD_TS, [PASSWORD], Number(PASSWORD_TS) + off)).toMatchObject({
      ok: false,
      reason: 'stale',
    });
  });

  it('rejects a timestamp older than one hour', () => {
    const [secret, ts, token] = VECTORS[1]!;
    const result = verify(token, ts, [secret], Number(ts) + HOUR + 1);
    expect(result).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('rejects a timestamp more than one hour in the future', () => {
    const [secret, ts, token] = VECTORS[1]!;
    expect(verify(token, ts, [secret], Number(ts) - HOUR - 1)).toMatchObject({ reason: 'stale' });
  });

  it('accepts a timestamp exactly at the edge of the window', () => {
    const [secret, ts, token] = VECTORS[1]!;
    expect(verify(token, ts, [secret], Number(ts) + HOUR)).toMatchObject({ ok: true });
  });

  it('rejects a non-numeric timestamp', () => {
    const [secret, , token] = VECTORS[1]!;
    expect(verify(token, '17e11', [secret], 1700000000000)).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });

  it('rejects an empty or absent token', () => {
    expect(verify('', '1700000000000', ['s'])).toMatchObject({ ok: false, reason: 'missing' });
    expect(verify(undefined, '1700000000000', ['s'])).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });

  it('refuses everything when no secret is configured', () => {
    const [, ts, token] = VECTORS[1]!;
    expect(verify(token, ts, [])).toMatchObject({ ok: false, reason: 'no-secret' });
  });

  it('rejects a forged token of the right length', () => {
    const [secret, ts] = VECTORS[1]!;
    const forged = 'A'.repeat(43) + '=';
    expect(verify(forged, ts, [secret])).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('giteeAuth sign refuses a password, saying so', () => {
    expect(verify(PASSWORD, PASSWORD_TS, [PASSWORD], undefined, 'sign')).toEqual({
      ok: false,
      reason: 'refused-mode',
      detail: 'a password was sent but giteeAuth is sign',
    });
  });

  it('giteeAuth password refuses a signature, saying so', () => {
    const [secret, ts, token] = VECTORS[1]!;
    expect(verify(token, ts, [secret], undefined, 'password')).toEqual({
      ok: false,
      reason: 'refused-mode',
      detail: 'a signature was sent but giteeAuth is password',
    });
  });

  it.each<['sign' | 'password', string, string, string]>([
    ['sign', VECTORS[1]![2], VECTORS[1]![1], VECTORS[1]![0]],
    ['password', PASSWORD, PASSWORD_TS, PASSWORD],
  ])('giteeAuth %s accepts its own mode', (accept, token, ts, secret) => {
    expect(verify(token, ts, [secret], undefined, accept)).toMatchObject({
      ok: true,
      mode: accept,
    });
  });

  it('gives a URL-encoded copy of a signature the replay key of the signature', () => {
    const [secret, ts, token] = VECTORS[1]!;
    const plain = verify(token, ts, [secret]);
    const encoded = verify(encodeURIComponent(token), ` ${ts} `, [secret]);
    expect(plain.ok && encoded.ok && plain.replayKey === encoded.replayKey).toBe(true);
  });

  it('gives each timestamp and each credential its own replay key, holding no secret', () => {
    const keys = [
      verify(VECTORS[1]![2], VECTORS[1]![1], [VECTORS[1]![0]]),
      verify(VECTORS[3]![2], VECTORS[3]![1], [VECTORS[3]![0]]),
      verify(VECTORS[0]![2], VECTORS[0]![1], [VECTORS[0]![0]]), // VECTORS[3]'s timestamp
      verify(PASSWORD, PASSWORD_TS, [PASSWORD]),
      verify(PASSWORD, String(Number(PASSWORD_TS) + 1), [PASSWORD]),
    ].map((result) => (result.ok ? result.replayKey : result.reason));
    expect(new Set(keys).size).toBe(5);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(key).not.toContain(PASSWORD);
    }
  });

  it('rejects a malformed percent-encoding without throwing', () => {
    expect(verify('%E0%A4%A', '1700000000000', ['my-gitee-secret'])).toMatchObject({ ok: false });
  });
});
