import { classifyWecomAnswer } from '../../../lib/platforms/wecom/classify';

const hinted = (text: string, code: number) =>
  `${text}, hint: [1700000000123456789], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=${code}`;
const body = (errcode: number, errmsg: string) => JSON.stringify({ errcode, errmsg });

// Every errcode of feishu-wecom-robot-api.md §2.7 with the errmsg seen in real answers:
// [errcode, errmsg, reason, retryable, retryAfterMs, plain phrase starts with].
const ROWS: Array<[number, string, string, boolean, number | undefined, string]> = [
  [-1, '系统繁忙', 'busy', true, undefined, 'WeCom is busy'],
  [93000, hinted('invalid webhook url', 93000), 'token', false, undefined, 'robot not found'],
  [45009, hinted('api freq out of limit', 45009), 'rate_limit', true, 60_000, 'rate limited'],
  [45033, '接口并发调用超过限制', 'rate_limit', true, 1000, 'rate limited'],
  [
    40058,
    hinted('markdown.content exceed max length 4096. invalid Request Parameter', 40058),
    'too_long',
    false,
    undefined,
    'message too long',
  ],
  [
    40058,
    'text.content exceed max length 5120. Invalid input invalid Request Parameter',
    'too_long',
    false,
    undefined,
    'message too long',
  ],
  [
    40008,
    hinted('invalid message type', 40008),
    'rejected',
    false,
    undefined,
    'invalid message type',
  ],
  [44004, hinted('empty content', 44004), 'rejected', false, undefined, 'empty content'],
  [40035, '不合法的参数', 'rejected', false, undefined, 'invalid parameter'],
  [45002, 'content too big', 'too_long', false, undefined, 'message too long'],
  [
    60020,
    hinted('not allow to access from your ip', 60020),
    'ip',
    false,
    undefined,
    'IP not allowed',
  ],
  [
    40007,
    '不合法的 media_id',
    'rejected',
    false,
    undefined,
    'WeCom rejected the message (errcode 40007)',
  ],
];

describe('classifyWecomAnswer', () => {
  it('accepts errcode 0 on HTTP 200', () => {
    expect(classifyWecomAnswer(200, body(0, 'ok'))).toEqual({ ok: true });
  });

  it.each(ROWS)(
    'classifies errcode %i "%s" as %s (retryable: %s, after %s ms)',
    (errcode, errmsg, reason, retryable, retryAfterMs, phrase) => {
      const answer = classifyWecomAnswer(200, body(errcode, errmsg));
      expect(answer).toMatchObject({ ok: false, reason, errcode, retryable });
      expect(answer.ok ? undefined : answer.retryAfterMs).toBe(retryAfterMs);
      const words = answer.ok ? '' : answer.error;
      expect(words.startsWith(phrase)).toBe(true);
      expect(words).not.toMatch(/hint|from ip|https?:|203\.0\.113\.7/);
    },
  );

  it.each([93000, 40058, 40008, 44004])('never retries the config error %i', (errcode) => {
    expect(classifyWecomAnswer(200, body(errcode, 'x'))).toMatchObject({ retryable: false });
  });

  it.each([
    ['an empty JSON object', '{}'],
    ['text that is not JSON', '<html>ok</html>'],
    ['a Feishu-style success', '{"code":0,"msg":"success"}'],
  ])('does not count HTTP 200 with %s as delivered', (_case, text) => {
    expect(classifyWecomAnswer(200, text)).toEqual({
      ok: false,
      reason: 'http',
      error: 'WeCom answered HTTP 200 without a robot result',
      retryable: false,
    });
  });

  it('does not count errcode 0 over HTTP 502 as delivered', () => {
    expect(classifyWecomAnswer(502, body(0, 'ok'))).toMatchObject({ ok: false, retryable: true });
  });

  it.each([500, 502, 503])('retries an HTTP %i without a result', (status) => {
    expect(classifyWecomAnswer(status, '<html>error</html>')).toEqual({
      ok: false,
      reason: 'http',
      error: `WeCom answered HTTP ${status}`,
      retryable: true,
    });
  });

  it('does not retry an HTTP 403 without a result', () => {
    expect(classifyWecomAnswer(403, '')).toMatchObject({ reason: 'http', retryable: false });
  });

  it('lets the errcode decide when a non-2xx answer carries one', () => {
    expect(classifyWecomAnswer(400, body(93000, 'invalid webhook url'))).toMatchObject({
      reason: 'token',
    });
  });
});
