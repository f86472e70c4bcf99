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
) {
  return verifyGiteeRequest({
    token,
    timestamp,
    secrets: secrets.map((s) => new Secret(s)),
    now,
    windowMs: HOUR,
  });
}

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
    expect(verify(token, ts, [secret])).toEqual({ ok: true, mode: 'sign' });
  });

  it.each(VECTORS)('accepts the URL-encoded form of the signature for %j', (secret, ts, token) => {
    expect(verify(encodeURIComponent(token), ts, [secret])).toEqual({ ok: true, mode: 'sign' });
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
      expect(verify(String(body.sign), String(body.timestamp), [GO_SCM_SECRET])).toEqual({
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
    expect(
      verify('d6014813c7395e229a05adc423f55031', undefined, ['d6014813c7395e229a05adc423f55031']),
    ).toEqual({
      ok: true,
      mode: 'password',
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

  it('rejects a malformed percent-encoding without throwing', () => {
    expect(verify('%E0%A4%A', '1700000000000', ['my-gitee-secret'])).toMatchObject({ ok: false });
  });
});
