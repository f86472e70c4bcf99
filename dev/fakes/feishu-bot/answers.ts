/**
 * What a Feishu custom bot answers: HTTP status, `code` and `msg` as observed
 * (feishu-wecom-robot-api.md §1.8).
 */

export interface FeishuAnswer {
  httpStatus: number;
  code: number;
  msg: string;
}

export const ANSWERS = {
  ok: { httpStatus: 200, code: 0, msg: 'success' },
  unknownToken: {
    httpStatus: 200,
    code: 19001,
    msg: 'param invalid: incoming webhook access token invalid',
  },
  // Malformed JSON, a wrong structure and a body over 20 KB all get this one answer (§1.8).
  badRequest: { httpStatus: 200, code: 9499, msg: 'Bad Request' },
  badSign: {
    httpStatus: 200,
    code: 19021,
    msg: 'sign match fail or timestamp is not within one hour from current time',
  },
  noKeyword: { httpStatus: 200, code: 19024, msg: 'Key Words Not Found' },
  // A burst comes back as HTTP 400 (ccfos/nightingale#1437).
  tooMany: { httpStatus: 400, code: 9499, msg: 'too many request' },
} satisfies Record<string, FeishuAnswer>;

/** The JSON Feishu sends: success carries the old `StatusCode` fields too, errors do not. */
export function answerBody(answer: FeishuAnswer): string {
  if (answer.code === 0) {
    return JSON.stringify({
      StatusCode: 0,
      StatusMessage: 'success',
      code: 0,
      data: {},
      msg: 'success',
    });
  }
  return JSON.stringify({ code: answer.code, data: {}, msg: answer.msg });
}
