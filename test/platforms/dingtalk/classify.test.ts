import { classifyAnswer } from '../../../lib/platforms/dingtalk/classify';

const body = (errcode: number, errmsg: string) => JSON.stringify({ errcode, errmsg });

// Every errcode/errmsg of dingtalk-robot-api.md §4, in the old and the 2023+ wording.
const ERRCODE_ROWS: Array<[number, string, string, boolean]> = [
  [310000, 'keywords not in content', 'keyword', false],
  [
    310000,
    '错误描述:关键词不匹配;解决方案:请联系群管理员查看此机器人的关键词，并在发送的信息中包含此关键词;',
    'keyword',
    false,
  ],
  [310000, 'sign not match', 'signature', false],
  [
    310000,
    'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中;link:https://open.dingtalk.com/document/',
    'signature',
    false,
  ],
  [310000, 'invalid timestamp', 'timestamp', true],
  [310000, 'ip 203.0.113.7 not in whitelist', 'ip', false],
  [310000, 'send forbidden', 'rejected', false],
  [130101, 'send too fast, exceed 20 times per minute', 'rate_limit', false],
  [410100, '发送速度太快而限流', 'rate_limit', false],
  [300001, 'token is not exist', 'token', false],
  [300001, 'message param text is null', 'rejected', false],
  [300005, 'token is not exist', 'token', false],
  [400101, 'token不存在', 'token', false],
  [400106, '机器人不存在', 'token', false],
  [400102, '机器人已停用', 'token', false],
  [400013, '群已被解散', 'token', false],
  [400105, '不支持的消息类型', 'rejected', false],
  [400403, '错误描述:参数 markdown --》 text 缺失，或者参数格式不正确', 'rejected', false],
  [460101, 'message too long, exceed 20000 bytes', 'too_long', false],
  [
    460101,
    'description: body 大小不合法;solution:请保持大小在 20000bytes 以内;',
    'too_long',
    false,
  ],
  [101002, 'message is too long', 'too_long', false],
  [430101, '含有不安全的外链', 'rejected', false],
  [-1, '系统繁忙', 'busy', true],
];

describe('classifyAnswer', () => {
  it('accepts errcode 0 on HTTP 200', () => {
    expect(classifyAnswer(200, body(0, 'ok'))).toEqual({ ok: true });
  });

  it.each(ERRCODE_ROWS)(
    'classifies errcode %i "%s" on HTTP 200 as %s (retryable: %s)',
    (errcode, errmsg, reason, retryable) => {
      expect(classifyAnswer(200, body(errcode, errmsg))).toMatchObject({
        ok: false,
        reason,
        errcode,
        retryable,
      });
    },
  );

  it.each([
    ['the WAF punishment body', 200, '{"status":1111,"wait":5,"source":"x5","punish":"deny"}'],
    ['an HTTP 302', 302, ''],
  ])('classifies %s as rate_limit, not retried', (_name, status, text) => {
    expect(classifyAnswer(status, text)).toMatchObject({
      ok: false,
      reason: 'rate_limit',
      retryable: false,
    });
  });

  it('classifies an HTTP 5xx without errcode as a retryable http failure', () => {
    expect(classifyAnswer(502, '<html>Bad Gateway</html>')).toEqual({
      ok: false,
      reason: 'http',
      error: 'DingTalk answered HTTP 502',
      retryable: true,
    });
  });

  it('classifies a 2xx that is not JSON as an http failure, not a success', () => {
    expect(classifyAnswer(200, '<html>ok</html>')).toMatchObject({
      ok: false,
      reason: 'http',
      retryable: false,
    });
  });

  it('lets the errcode decide when a non-2xx answer carries one', () => {
    expect(classifyAnswer(400, body(310000, 'keywords not in content'))).toMatchObject({
      reason: 'keyword',
    });
  });

  it('explains a keyword failure in plain words', () => {
    expect(classifyAnswer(200, body(310000, 'keywords not in content'))).toMatchObject({
      error: "keyword missing: add one of the robot's custom keywords",
    });
  });

  // What a robot (or whatever a webhook points at) could put in errmsg to reach Gitee's log.
  const ATTACKER_ERRMSG =
    'sign not match 关键词 参数 param: click https://evil.example/login?access_token=tokentest-leak SECtestleak0123456789abcdef0123 ' +
    'x'.repeat(3000);

  it.each(ERRCODE_ROWS)(
    'says a fixed phrase for errcode %i, never the errmsg "%s" itself',
    (errcode, errmsg) => {
      const answer = classifyAnswer(200, body(errcode, errmsg));
      const error = answer.ok ? '' : answer.error;
      expect(error).not.toContain(errmsg);
      if (errcode !== 310000 && errcode !== 300001) {
        // Codes told apart by errmsg aside, the words depend on the code alone.
        const attacked = classifyAnswer(200, body(errcode, ATTACKER_ERRMSG));
        expect(attacked.ok ? '' : attacked.error).toBe(error);
      }
    },
  );

  it.each([
    [
      300001,
      'message param text is null',
      'DingTalk refused the message as malformed: a required field is missing or empty (errcode 300001)',
    ],
    [310000, 'send forbidden', "DingTalk's security settings refused the message (errcode 310000)"],
    [400105, '不支持的消息类型', 'DingTalk does not support this message type (errcode 400105)'],
    [
      400403,
      '错误描述:参数 markdown --》 text 缺失',
      'DingTalk refused the message as malformed: a required field is missing or empty (errcode 400403)',
    ],
    [430101, '含有不安全的外链', "DingTalk's content check refused the message (errcode 430101)"],
    [430104, '不合适的内容', "DingTalk's content check refused the message (errcode 430104)"],
  ])('names known errcode %i "%s" with its phrase and code', (errcode, errmsg, error) => {
    expect(classifyAnswer(200, body(errcode, errmsg))).toEqual({
      ok: false,
      reason: 'rejected',
      errcode,
      error,
      retryable: false,
    });
  });

  it('gives an unknown errcode a generic phrase with the code, and none of its errmsg', () => {
    expect(classifyAnswer(200, body(499999, ATTACKER_ERRMSG))).toEqual({
      ok: false,
      reason: 'rejected',
      errcode: 499999,
      error: 'DingTalk rejected the message (errcode 499999)',
      retryable: false,
    });
  });

  it('keeps errmsg out of a 310000 or 300001 it classifies from the errmsg', () => {
    const errmsg = 'sign not match, fix it at https://evil.example/?access_token=tokentest-leak';
    const signature = classifyAnswer(200, body(310000, errmsg));
    expect(signature).toMatchObject({ reason: 'signature', errcode: 310000 });
    expect(signature.ok ? '' : signature.error).toBe(
      "signature mismatch: the robot's signing secret (SEC…) does not match DingTalk's",
    );
    const malformed = classifyAnswer(200, body(300001, ATTACKER_ERRMSG));
    expect(malformed.ok ? '' : malformed.error).toBe(
      'DingTalk refused the message as malformed: a required field is missing or empty (errcode 300001)',
    );
  });
});
