/** The answers DingTalk gives, errcode and errmsg as observed (dingtalk-robot-api.md §1, §4). */

export interface Answer {
  errcode: number;
  errmsg: string;
}

// Wordings observed in real answers (§1, §4); the signature and keyword ones are the 2023+ style.
export const ANSWERS = {
  notPost: { errcode: 43002, errmsg: '需要POST请求' },
  noToken: { errcode: 40035, errmsg: '缺少参数 access_token' },
  unknownToken: { errcode: 300005, errmsg: 'token is not exist' },
  noMsgtype: { errcode: 300001, errmsg: 'message param msgtype is null' },
  unsupported: { errcode: 400105, errmsg: '不支持的消息类型' },
  badSign: {
    errcode: 310000,
    errmsg:
      'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中，并确认机器人的密钥正确;',
  },
  staleTimestamp: { errcode: 310000, errmsg: 'invalid timestamp' },
  tooLong: {
    errcode: 460101,
    errmsg: 'description: body 大小不合法;solution:请保持大小在 20000bytes 以内;',
  },
  noKeyword: {
    errcode: 310000,
    errmsg:
      '错误描述:关键词不匹配;解决方案:请联系群管理员查看此机器人的关键词，并在发送的信息中包含此关键词;',
  },
  tooFast: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
  ok: { errcode: 0, errmsg: 'ok' },
} satisfies Record<string, Answer>;

/** A required field of the msgtype is missing or empty (§5). */
export function missingField(msgtype: string, field: string): Answer {
  // Observed as 400403 (jenkinsci/dingtalk-plugin #369) and 300001 (go-gitea/gitea #4382).
  return {
    errcode: 400403,
    errmsg: `错误描述:参数 ${msgtype} --》 ${field} 缺失，或者参数格式不正确;`,
  };
}
