import { parseJsonRecord } from '../../json-record';
import type { DeliveryFailureReason } from '../../send/types';
import type { RobotAnswer } from '../chat-platform';

type Failure = Extract<RobotAnswer, { ok: false }>;

const MESSAGES: Record<DeliveryFailureReason, string> = {
  keyword: "keyword missing: add one of the robot's custom keywords",
  signature: "signature mismatch: the robot's signing secret (SEC…) does not match DingTalk's",
  timestamp: "timestamp rejected: the signing time is more than one hour off DingTalk's clock",
  ip: "IP not allowed: the robot's IP allow-list does not include this service's address",
  token: 'robot not found: the access token is wrong, or the robot was removed or disabled',
  rate_limit: 'rate limited: DingTalk allows 20 messages per minute per robot',
  too_long: 'message too long: DingTalk accepts at most 20000 bytes',
  busy: 'DingTalk is busy (errcode -1)',
  network: 'network error: could not reach DingTalk',
  timeout: 'timeout: DingTalk did not answer in time',
  http: 'DingTalk answered without a robot result',
  rejected: 'DingTalk rejected the message',
};

// Codes from dingtalk-robot-api.md §4; 300001 is handled apart because it is overloaded.
const TOKEN_CODES = new Set([300005, 400101, 400102, 400106, 400013]);
const RATE_LIMIT_CODES = new Set([130101, 410100]);
const TOO_LONG_CODES = new Set([460101, 101002]);

function failure(
  reason: DeliveryFailureReason,
  options: { errcode?: number; error?: string; retryable?: boolean } = {},
): Failure {
  const { errcode, error = MESSAGES[reason] } = options;
  // Busy is transient (§4: retry ≤3); a stale timestamp succeeds once re-signed (§2).
  const retryable = options.retryable ?? (reason === 'busy' || reason === 'timestamp');
  return errcode === undefined
    ? { ok: false, reason, error, retryable }
    : { ok: false, reason, errcode, error, retryable };
}

const MALFORMED = 'DingTalk refused the message as malformed: a required field is missing or empty';
const CONTENT_CHECK = "DingTalk's content check refused the message";

/**
 * Words for the codes that mean "rejected" (§4). The errmsg itself is never repeated: it is
 * whatever the far end chose to write, and it would land in Gitee's delivery log and ours.
 */
const REJECTED_PHRASES = new Map<number, string>([
  [300001, MALFORMED],
  [310000, "DingTalk's security settings refused the message"],
  [400105, 'DingTalk does not support this message type'],
  [400403, MALFORMED],
  [430101, CONTENT_CHECK],
  [430102, CONTENT_CHECK],
  [430103, CONTENT_CHECK],
  [430104, CONTENT_CHECK],
]);

/**
 * 310000 covers four security failures told apart only by errmsg, in the old English and the
 * 2023+ Chinese wording (§4). The new signature text mentions 时间戳 too, so it is tested
 * before the timestamp; "description" contains "ip", so IP needs a whole word.
 */
function classify310000(errmsg: string): DeliveryFailureReason {
  const lower = errmsg.toLowerCase();
  if (lower.includes('keywords not in content') || errmsg.includes('关键词')) return 'keyword';
  if (lower.includes('sign not match') || errmsg.includes('签名')) return 'signature';
  if (lower.includes('timestamp') || errmsg.includes('时间戳')) return 'timestamp';
  if (lower.includes('whitelist') || /\bip\b/i.test(errmsg) || errmsg.includes('白名单')) {
    return 'ip';
  }
  return 'rejected';
}

function classifyErrcode(errcode: number, errmsg: string): Failure {
  if (errcode === 310000) {
    const reason = classify310000(errmsg);
    if (reason !== 'rejected') return failure(reason, { errcode });
  } else if (errcode === 300001) {
    // Both "token is not exist" and "message param text is null" come back as 300001.
    const malformed = /param|参数/i.test(errmsg);
    if (!malformed) return failure('token', { errcode });
  } else if (errcode === -1) {
    return failure('busy', { errcode });
  } else if (TOKEN_CODES.has(errcode)) {
    return failure('token', { errcode });
  } else if (RATE_LIMIT_CODES.has(errcode)) {
    return failure('rate_limit', { errcode });
  } else if (TOO_LONG_CODES.has(errcode)) {
    return failure('too_long', { errcode });
  }
  const phrase = REJECTED_PHRASES.get(errcode) ?? MESSAGES.rejected;
  const error = `${phrase} (errcode ${errcode})`;
  return failure('rejected', { errcode, error });
}

/**
 * Classifies one HTTP answer from a robot. DingTalk reports most failures as HTTP 200 with a
 * non-zero errcode, so the body decides even on 200, and errcode 0 is the only success (§4).
 */
export function classifyAnswer(httpStatus: number, bodyText: string): RobotAnswer {
  const body = parseJsonRecord(bodyText);
  const errcode = body?.errcode;
  const is2xx = httpStatus >= 200 && httpStatus < 300;
  if (typeof errcode === 'number') {
    if (errcode === 0 && is2xx) return { ok: true };
    if (errcode !== 0) {
      return classifyErrcode(errcode, typeof body?.errmsg === 'string' ? body.errmsg : '');
    }
  }
  // After exceeding the rate, DingTalk's WAF answers a 302 or a {"status":1111,"punish":"deny"} body (§4, §6).
  if (
    httpStatus === 302 ||
    httpStatus === 429 ||
    body?.status === 1111 ||
    body?.punish === 'deny'
  ) {
    return failure('rate_limit');
  }
  if (httpStatus >= 500) {
    return failure('http', { error: `DingTalk answered HTTP ${httpStatus}`, retryable: true });
  }
  const error = is2xx
    ? `DingTalk answered HTTP ${httpStatus} without a robot result`
    : `DingTalk answered HTTP ${httpStatus}`;
  return failure('http', { error });
}
