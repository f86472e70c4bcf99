import { parseJsonRecord } from '../../json-record';
import type { RobotAnswer } from '../chat-platform';
import type { DeliveryFailureReason } from '../../send/types';

type Failure = Extract<RobotAnswer, { ok: false }>;

// Plain words per code (feishu-wecom-robot-api.md §1.8). Feishu's `msg` is never passed on:
// it is not ours to show and may change wording.
const PHRASES = {
  token: 'bot not found: the webhook token is wrong, or the bot was removed from its group',
  signature:
    "signature rejected: the bot's signing secret does not match, the bot signs but no secret is configured here, or the clock is more than an hour off",
  ip: "IP not allowed: the bot's IP allow-list does not include this service's address",
  keyword: "keyword missing: add one of the bot's custom keywords to the message's visible text",
  tooMany: 'rate limited: Feishu allows 5 messages a second and 100 a minute per bot',
  throttled: 'rate limited: Feishu is throttling this bot (frequency limited)',
  gateway: "rate limited: Feishu's gateway refused the request frequency",
  badRequest:
    'bad request: Feishu refused the message body (malformed, wrong structure, or over 20 KB)',
  legacy:
    "legacy v1 answer: this is a retired /open-apis/bot/hook/ URL; use the bot's /open-apis/bot/v2/hook/ URL",
} as const;

/** Codes whose meaning is fixed; 9499 is apart because it means two things (§1.8). */
const BY_CODE: ReadonlyMap<number, [DeliveryFailureReason, keyof typeof PHRASES]> = new Map([
  [19001, ['token', 'token']],
  // 19021 does not say whether the signature or the time was wrong; with NTP-synced clocks it
  // is almost always the secret (§5 item 12), so it takes the refresh-from-settings path.
  [19021, ['signature', 'signature']],
  [19022, ['ip', 'ip']],
  [19024, ['keyword', 'keyword']],
  [11232, ['rate_limit', 'throttled']],
  [99991400, ['rate_limit', 'gateway']],
]);

// §1.7: back off at least a second after a burst; the per-second window is the one hit first.
const RATE_RETRY_AFTER_MS = 1000;

function failure(
  reason: DeliveryFailureReason,
  error: string,
  extra: { errcode?: number; retryable?: boolean } = {},
): Failure {
  const retryable = extra.retryable ?? reason === 'rate_limit';
  const answer: Failure = { ok: false, reason, error, retryable };
  if (extra.errcode !== undefined) answer.errcode = extra.errcode;
  if (reason === 'rate_limit') answer.retryAfterMs = RATE_RETRY_AFTER_MS;
  return answer;
}

function classifyCode(code: number, msg: string): Failure {
  const known = BY_CODE.get(code);
  if (known !== undefined) return failure(known[0], PHRASES[known[1]], { errcode: code });
  if (code === 9499) {
    // "too many request" (a burst, HTTP 400) can succeed later; "Bad Request" never will.
    return /too many/i.test(msg)
      ? failure('rate_limit', PHRASES.tooMany, { errcode: code })
      : failure('rejected', PHRASES.badRequest, { errcode: code });
  }
  return failure('rejected', `Feishu rejected the message (code ${code})`, { errcode: code });
}

/** Feishu's result code: `code`, or `StatusCode` in the older answers that have only that. */
function resultCode(body: Record<string, unknown> | null): number | undefined {
  if (typeof body?.code === 'number') return body.code;
  return typeof body?.StatusCode === 'number' ? body.StatusCode : undefined;
}

/**
 * Classifies one HTTP answer from a Feishu bot. Delivered means HTTP 2xx and
 * `code ?? StatusCode === 0`; HTTP 200 alone is not, since Feishu reports most failures as 200
 * with a non-zero code, and a burst as HTTP 400 with code 9499 (§1.8).
 */
export function classifyFeishuAnswer(httpStatus: number, bodyText: string): RobotAnswer {
  const body = parseJsonRecord(bodyText);
  const code = resultCode(body);
  const is2xx = httpStatus >= 200 && httpStatus < 300;
  if (code !== undefined) {
    if (code === 0 && is2xx) return { ok: true };
    if (code !== 0) return classifyCode(code, typeof body?.msg === 'string' ? body.msg : '');
  }
  if (body?.ok === false) return failure('token', PHRASES.legacy);
  if (httpStatus === 429) return failure('rate_limit', PHRASES.gateway);
  if (httpStatus >= 500) {
    return failure('http', `Feishu answered HTTP ${httpStatus}`, { retryable: true });
  }
  return failure(
    'http',
    is2xx
      ? `Feishu answered HTTP ${httpStatus} without a bot result`
      : `Feishu answered HTTP ${httpStatus}`,
  );
}
