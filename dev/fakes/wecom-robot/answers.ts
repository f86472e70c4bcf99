/**
 * What a WeCom group robot answers: always HTTP 200, `errcode` and `errmsg` as observed
 * (feishu-wecom-robot-api.md §2.1, §2.7). Every error's errmsg carries a hint id, the caller's
 * IP and a help URL, which is why the relay never passes errmsg on.
 */

export interface WecomAnswer {
  errcode: number;
  errmsg: string;
}

/** Where a request came from, for the errmsg's `hint` and `from ip`. */
export interface Caller {
  nowMs: number;
  ip: string;
}

function hinted(errcode: number, text: string, caller: Caller): WecomAnswer {
  const hint = `${Math.floor(caller.nowMs / 1000)}-emulated`;
  return {
    errcode,
    errmsg: `${text}, hint: [${hint}], from ip: ${caller.ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
  };
}

export const OK: WecomAnswer = { errcode: 0, errmsg: 'ok' };

export const ANSWERS = {
  invalidUrl: (caller: Caller) => hinted(93000, 'invalid webhook url', caller),
  invalidType: (caller: Caller) => hinted(40008, 'invalid message type', caller),
  emptyContent: (caller: Caller) => hinted(44004, 'empty content', caller),
  tooLong: (field: string, maxBytes: number, caller: Caller) =>
    hinted(40058, `${field} exceed max length ${maxBytes}. invalid Request Parameter`, caller),
  // §2.7 says only that bad JSON gets "Warning: wrong json format." in errmsg; the code is
  // the global "invalid parameter" one (an inference).
  badJson: (caller: Caller) =>
    hinted(40035, 'invalid parameter, Warning: wrong json format.', caller),
  badParameter: (field: string, caller: Caller) =>
    hinted(40035, `invalid parameter ${field}`, caller),
  tooFast: (caller: Caller) => hinted(45009, 'api freq out of limit', caller),
} satisfies Record<string, (...args: never[]) => WecomAnswer>;
