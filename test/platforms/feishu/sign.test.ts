import { signTimestamp } from '../../../lib/crypto/hmac';
import {
  feishuTimestamp,
  signFeishuBody,
  signFeishuTimestamp,
} from '../../../lib/platforms/feishu/sign';

// feishu-wecom-robot-api.md §1.3, computed there with Node, Python hmac and a Java port of
// Feishu's sample. The last column is what the DingTalk construction gives (→ 19021).
const VECTORS: Array<[string, string, string, string | null]> = [
  [
    'demo',
    '1599360473',
    'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=',
    'DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=',
  ],
  [
    'fixture-secret',
    '1700000000',
    'eSSBpPPdWfBl7avPl9BWSBfQOnLGZ91Xn8G5oZis0sc=',
    '0VtAdYa6NgBlO55GsD90gmeGxRFQHICbB1VER02KizE=',
  ],
  [
    'abcDEF123',
    '1700000000',
    'qimCYnXKTZRVfEDjgpOq1ke9awsBuC3tn/n151vIck8=',
    'PNSk++RZliOoGVeYPgA3FTvQPwfV89A/JRefeLW2anQ=',
  ],
  [
    'demo-secret',
    '1599360473',
    '3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=',
    '+y4hoW+2wrJQJ+Ccwm+K1OKBY3kTQ7fsX6PjcCKo06U=',
  ],
  [
    'Abc123Def456Ghi789Jkl0',
    '1735689600',
    'jOVQeCrXTKCcvre5WIYJ/7BDVG4u9oak9OsefxgUKI8=',
    '4gnPQPDNu1uryPGDuKZ3O1L+ln2EXwE/KSYGBg0k4Ts=',
  ],
  ['demo', '100', 'jquNHnVOwmDRfw+vqTIrY5dooJAgi5EcRtLsQE4wfXg=', null],
  ['demo', '1599360473000', 'Mv6tsKRjhEkOT80gLMqIk9MQWzCXi/ZbV4fjs3G0m14=', null],
];

describe('signFeishuTimestamp', () => {
  it.each(VECTORS)('signs secret %s at %s as %s', (secret, timestamp, expected) => {
    expect(signFeishuTimestamp(timestamp, secret)).toBe(expected);
  });

  it.each(VECTORS.filter((row) => row[3] !== null))(
    'does not give the DingTalk-style answer for secret %s at %s',
    (secret, timestamp, _feishu, dingtalkStyle) => {
      expect(signFeishuTimestamp(timestamp, secret)).not.toBe(dingtalkStyle);
    },
  );

  it.each(VECTORS.filter((row) => row[3] !== null))(
    "differs from what the DingTalk signer gives for secret %s at %s, the doc's wrong column",
    (secret, timestamp, _feishu, dingtalkStyle) => {
      expect(signTimestamp(timestamp, secret)).toBe(dingtalkStyle);
    },
  );
});

describe('feishuTimestamp', () => {
  it('gives whole seconds, never milliseconds', () => {
    expect(feishuTimestamp(1_599_360_473_999)).toBe('1599360473');
  });
});

describe('signFeishuBody', () => {
  const message = { msg_type: 'text', content: { text: 'request example' } };

  it('puts a string timestamp in seconds and the sign at the top level, beside msg_type', () => {
    const body = JSON.parse(signFeishuBody(message, 'demo', 1_599_360_473_000)) as unknown;
    expect(body).toEqual({
      timestamp: '1599360473',
      sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=',
      msg_type: 'text',
      content: { text: 'request example' },
    });
  });

  it('sends Base64 as is, not URL-encoded', () => {
    const body = signFeishuBody(message, 'demo-secret', 1_599_360_473_000);
    expect(body).toContain('"sign":"3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s="');
  });

  it('leaves an unsigned body as the message, dropping any leftover signature fields', () => {
    const stale = { ...message, timestamp: '1', sign: 'old' };
    expect(JSON.parse(signFeishuBody(stale, null, 1_599_360_473_000))).toEqual(message);
  });

  it('signs afresh at each time instead of keeping an old signature', () => {
    const first = JSON.parse(signFeishuBody(message, 'abcDEF123', 1_599_360_473_000)) as object;
    const again = signFeishuBody({ ...message, ...first }, 'abcDEF123', 1_700_000_000_000);
    expect(JSON.parse(again)).toMatchObject({
      timestamp: '1700000000',
      sign: 'qimCYnXKTZRVfEDjgpOq1ke9awsBuC3tn/n151vIck8=',
    });
  });
});
