import { parseJsonRecord } from '../../json-record';
import type { RobotAnswer } from '../chat-platform';
import type { DeliveryFailureReason } from '../../send/types';

type Failure = Extract<RobotAnswer, { ok: false }>;

interface CodeRule {
  reason: DeliveryFailureReason;
  error: string;
  retryable: boolean;
  retryAfterMs?: number;
}

// feishu-wecom-robot-api.md §2.7. WeCom's errmsg carries a hint id, the caller's IP and a URL,
// and the doc says to key on errcode; it is never passed on.
const BY_ERRCODE: ReadonlyMap<number, CodeRule> = new Map([
  [-1, { reason: 'busy', error: 'WeCom is busy (errcode -1)', retryable: true }],
  [
    93000,
    {
      reason: 'token',
      error: 'robot not found: the webhook key is wrong, or the robot was removed from its group',
      retryable: false,
    },
  ],
  [
    45009,
    {
      reason: 'rate_limit',
      error: 'rate limited: WeCom allows 20 messages per minute per robot',
      retryable: true,
      // §2.6: no penalty is documented, so the one-minute window is what must pass.
      retryAfterMs: 60_000,
    },
  ],
  [
    45033,
    {
      reason: 'rate_limit',
      error: 'rate limited: too many messages sent to WeCom at the same time',
      retryable: true,
      retryAfterMs: 1000,
    },
  ],
  [
    40058,
    {
      reason: 'too_long',
      error:
        'message too long: WeCom accepts at most 4096 bytes of markdown and 2048 bytes of text content',
      retryable: false,
    },
  ],
  [
    45002,
    {
      reason: 'too_long',
      error: 'message too long: WeCom refused the content size',
      retryable: false,
    },
  ],
  [
    40008,
    {
      reason: 'rejected',
      error: 'invalid message type: WeCom accepts only its lower-case msgtypes, such as markdown',
      retryable: false,
    },
  ],
  [
    44004,
    {
      reason: 'rejected',
      error: 'empty content: WeCom refuses a message whose content is empty',
      retryable: false,
    },
  ],
  [
    40035,
    {
      reason: 'rejected',
      error: 'invalid parameter: WeCom refused a field of the message',
      retryable: false,
    },
  ],
  [
    60020,
    {
      reason: 'ip',
      error:
        'IP not allowed: WeCom applies trusted IPs to apps, not group robots; check that the URL is a group robot webhook',
      retryable: false,
    },
  ],
]);

function failure(rule: CodeRule, errcode?: number): Failure {
  const { reason, error, retryable, retryAfterMs } = rule;
  const answer: Failure = { ok: false, reason, error, retryable };
  if (errcode !== undefined) answer.errcode = errcode;
  if (retryAfterMs !== undefined) answer.retryAfterMs = retryAfterMs;
  return answer;
}

/**
 * Classifies one HTTP answer from a WeCom robot. WeCom answers HTTP 200 with an `errcode`
 * whatever happened, so only HTTP 2xx with `errcode: 0` is delivered (§2.1, §5 item 1).
 */
export function classifyWecomAnswer(httpStatus: number, bodyText: string): RobotAnswer {
  const errcode = parseJsonRecord(bodyText)?.errcode;
  const is2xx = httpStatus >= 200 && httpStatus < 300;
  if (typeof errcode === 'number') {
    if (errcode === 0 && is2xx) return { ok: true };
    if (errcode !== 0) {
      const rule = BY_ERRCODE.get(errcode) ?? {
        reason: 'rejected',
        error: `WeCom rejected the message (errcode ${errcode})`,
        retryable: false,
      };
      return failure(rule, errcode);
    }
  }
  if (httpStatus === 429) {
    return failure({
      reason: 'rate_limit',
      error: 'rate limited: WeCom answered HTTP 429',
      retryable: true,
      retryAfterMs: 60_000,
    });
  }
  if (httpStatus >= 500) {
    return failure({ reason: 'http', error: `WeCom answered HTTP ${httpStatus}`, retryable: true });
  }
  const error = is2xx
    ? `WeCom answered HTTP ${httpStatus} without a robot result`
    : `WeCom answered HTTP ${httpStatus}`;
  return failure({ reason: 'http', error, retryable: false });
}
