import { classifyFeishuAnswer } from '../../../lib/platforms/feishu/classify';

const error = (code: number, msg: string) => JSON.stringify({ code, data: {}, msg });

// Every code of feishu-wecom-robot-api.md §1.8 with the msg seen in real answers:
// [http status, code, msg, reason, retryable, plain phrase starts with].
const ROWS: Array<[number, number, string, string, boolean, string]> = [
  [
    200,
    19001,
    'param invalid: incoming webhook access token invalid',
    'token',
    false,
    'bot not found',
  ],
  [
    200,
    19021,
    'sign match fail or timestamp is not within one hour from current time',
    'signature',
    false,
    'signature rejected',
  ],
  [200, 19022, 'Ip Not Allowed', 'ip', false, 'IP not allowed'],
  [200, 19024, 'Key Words Not Found', 'keyword', false, 'keyword missing'],
  [400, 9499, 'too many request', 'rate_limit', true, 'rate limited: Feishu allows 5'],
  [200, 9499, 'Bad Request', 'rejected', false, 'bad request'],
  [
    200,
    11232,
    'frequency limited psm[lark.oapi.app_platform_runtime]appID[1500]',
    'rate_limit',
    true,
    'rate limited: Feishu is throttling',
  ],
  [429, 99991400, 'request trigger frequency limit', 'rate_limit', true, 'rate limited'],
  [
    200,
    230099,
    'cards of schema V2 no longer support this capability; unsupported tag note',
    'rejected',
    false,
    'Feishu rejected the message (code 230099)',
  ],
];

describe('classifyFeishuAnswer', () => {
  it('accepts code 0 with the StatusCode fields on HTTP 200', () => {
    const body = '{"StatusCode":0,"StatusMessage":"success","code":0,"data":{},"msg":"success"}';
    expect(classifyFeishuAnswer(200, body)).toEqual({ ok: true });
  });

  it('accepts the older answer that has only StatusCode 0', () => {
    const body = '{"Extra":null,"StatusCode":0,"StatusMessage":"success"}';
    expect(classifyFeishuAnswer(200, body)).toEqual({ ok: true });
  });

  it.each(ROWS)(
    'classifies HTTP %i code %i "%s" as %s (retryable: %s)',
    (status, code, msg, reason, retryable, phrase) => {
      const answer = classifyFeishuAnswer(status, error(code, msg));
      expect(answer).toMatchObject({ ok: false, reason, errcode: code, retryable });
      const words = answer.ok ? '' : answer.error;
      expect(words.startsWith(phrase)).toBe(true);
      expect(words).not.toContain(msg);
    },
  );

  it.each([19001, 19021, 19022, 19024])('never retries the config error %i', (code) => {
    expect(classifyFeishuAnswer(200, error(code, 'x'))).toMatchObject({ retryable: false });
  });

  it('asks a burst to wait at least a second before the retry', () => {
    expect(classifyFeishuAnswer(400, error(9499, 'too many request'))).toMatchObject({
      retryAfterMs: 1000,
    });
  });

  it('lets StatusCode decide when code is absent', () => {
    expect(classifyFeishuAnswer(200, '{"StatusCode":19024,"StatusMessage":"x"}')).toMatchObject({
      reason: 'keyword',
      errcode: 19024,
    });
  });

  it.each([
    ['an empty JSON object', '{}'],
    ['text that is not JSON', '<html>ok</html>'],
    ['an empty body', ''],
    ['a legacy v1 success', '{"ok":true}'],
  ])('does not count HTTP 200 with %s as delivered', (_case, text) => {
    expect(classifyFeishuAnswer(200, text)).toMatchObject({
      ok: false,
      reason: 'http',
      error: 'Feishu answered HTTP 200 without a bot result',
      retryable: false,
    });
  });

  it('does not count code 0 over HTTP 500 as delivered', () => {
    expect(classifyFeishuAnswer(500, '{"code":0}')).toMatchObject({ ok: false, retryable: true });
  });

  it('says a legacy v1 answer comes from a retired URL', () => {
    const answer = classifyFeishuAnswer(200, '{"ok":false,"error":"access token invalid"}');
    expect(answer).toMatchObject({ ok: false, reason: 'token', retryable: false });
    expect(answer.ok ? '' : answer.error).toContain('/open-apis/bot/v2/hook/');
  });

  it.each([500, 502, 503, 504])('retries an HTTP %i without a result', (status) => {
    expect(classifyFeishuAnswer(status, '<html>Bad Gateway</html>')).toEqual({
      ok: false,
      reason: 'http',
      error: `Feishu answered HTTP ${status}`,
      retryable: true,
    });
  });

  it('retries an HTTP 429 without a result after a second', () => {
    expect(classifyFeishuAnswer(429, '')).toMatchObject({
      reason: 'rate_limit',
      retryable: true,
      retryAfterMs: 1000,
    });
  });

  it('does not retry an HTTP 404 without a result', () => {
    expect(classifyFeishuAnswer(404, 'not found')).toEqual({
      ok: false,
      reason: 'http',
      error: 'Feishu answered HTTP 404',
      retryable: false,
    });
  });

  it('never repeats a msg that carries a URL or token', () => {
    const msg = 'bad https://open.feishu.cn/open-apis/bot/v2/hook/tokentest-0001 SECtest0123';
    const answer = classifyFeishuAnswer(200, error(123456, msg));
    expect(answer).toEqual({
      ok: false,
      reason: 'rejected',
      errcode: 123456,
      error: 'Feishu rejected the message (code 123456)',
      retryable: false,
    });
  });
});
