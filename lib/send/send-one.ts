import { classifyAnswer, type RobotAnswer } from '../platforms/dingtalk/classify';
import type { DeliveryJob, DeliveryResult } from './types';
import { MAX_MESSAGE_BYTES } from '../platforms/dingtalk/message';
import { networkFailure } from './network-failure';
import { signRobotUrl } from '../platforms/dingtalk/sign';

/**
 * One POST of a JSON body to a robot: the HTTP status and the body as text. Rejects on a
 * network error (the error, or its `cause`, carrying the code such as ECONNREFUSED) and when
 * `signal` aborts. Never follows a redirect: a 302 is DingTalk's WAF throttling us (§4).
 */
export type PostJson = (
  url: string,
  body: string,
  signal: AbortSignal,
) => Promise<{ status: number; text: string }>;

export interface SendDependencies {
  post: PostJson;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  attemptTimeoutMs: number;
  maxAttempts: number;
}

type Failure = Extract<RobotAnswer, { ok: false }>;

/** Short waits so that three attempts still fit in Gitee's 5-second budget (ARCHITECTURE.md). */
const BACKOFF_MS = [100, 300];
/** A retry with less time left than this could not get an answer back; not worth sending. */
const MIN_ATTEMPT_MS = 100;

const NO_TIME_LEFT: Failure = {
  ok: false,
  reason: 'timeout',
  error: 'timeout: the deadline passed before DingTalk answered',
  retryable: false,
};

/** One robot's sending, shared with the deadline timer that may cancel it. */
interface Progress {
  attempts: number;
  cancelled: boolean;
  /** The attempt in flight, which the deadline aborts. */
  current: AbortController | null;
}

async function attemptOnce(
  job: DeliveryJob,
  body: string,
  timeoutMs: number,
  deps: SendDependencies,
  progress: Progress,
): Promise<RobotAnswer> {
  let url: string;
  try {
    // A fresh timestamp per attempt: a re-sent request must carry a new signature (§2).
    url = signRobotUrl(job.robot.webhook.reveal(), job.robot.secret?.reveal() ?? null, deps.now());
  } catch {
    const error = "robot webhook is not a valid URL: check the robot's settings";
    return { ok: false, reason: 'token', error, retryable: false };
  }
  // One controller per attempt, aborted by its own timer or by the deadline timer: cheaper
  // than AbortSignal.any(AbortSignal.timeout()), which Node keeps alive until it fires.
  const attempt = new AbortController();
  const timer = setTimeout(() => attempt.abort(), timeoutMs);
  progress.current = attempt;
  try {
    const { status, text } = await deps.post(url, body, attempt.signal);
    return classifyAnswer(status, text);
  } catch (error) {
    if (!attempt.signal.aborted) return networkFailure(error);
    return { ...NO_TIME_LEFT, error: `timeout: no answer from DingTalk within ${timeoutMs} ms` };
  } finally {
    clearTimeout(timer);
    progress.current = null;
  }
}

function failed(robot: string, answer: Failure, attempts: number): DeliveryResult {
  const { reason, errcode, error } = answer;
  return errcode === undefined
    ? { robot, ok: false, reason, error, attempts }
    : { robot, ok: false, reason, errcode, error, attempts };
}

/** Whether another attempt may succeed: transient failures, and a stale timestamp only once. */
function mayRetry(answer: Failure, timestampRetried: boolean): boolean {
  return answer.reason === 'timestamp' ? !timestampRetried : answer.retryable;
}

async function attemptUntilSettled(
  job: DeliveryJob,
  deadline: number,
  deps: SendDependencies,
  progress: Progress,
): Promise<DeliveryResult> {
  const robot = job.robot.name;
  const body = JSON.stringify(job.message);
  const size = Buffer.byteLength(body, 'utf8');
  if (size > MAX_MESSAGE_BYTES) {
    // The formatter keeps messages under the limit; this guard only stops a certain 460101.
    const error = `message too long: ${size} bytes, DingTalk accepts at most ${MAX_MESSAGE_BYTES}; not sent`;
    return { robot, ok: false, reason: 'too_long', error, attempts: 0 };
  }
  let last = NO_TIME_LEFT;
  let timestampRetried = false;
  for (;;) {
    const budget = deadline - deps.now();
    if (budget <= 0 || progress.cancelled) break;
    progress.attempts += 1;
    const answer = await attemptOnce(
      job,
      body,
      Math.min(deps.attemptTimeoutMs, budget),
      deps,
      progress,
    );
    if (answer.ok) return { robot, ok: true, attempts: progress.attempts };
    last = answer;
    if (!mayRetry(answer, timestampRetried) || progress.attempts >= deps.maxAttempts) break;
    timestampRetried ||= answer.reason === 'timestamp';
    const backoff = BACKOFF_MS[Math.min(progress.attempts, BACKOFF_MS.length) - 1] ?? 0;
    if (deadline - deps.now() < backoff + MIN_ATTEMPT_MS) break;
    await deps.sleep(backoff);
  }
  return failed(robot, last, progress.attempts);
}

/**
 * Sends one message to one robot, retrying only what can succeed, and settles by `deadline`
 * whatever the robot, the network or an injected transport does: a timer at the deadline cancels
 * the attempt in flight and answers 'timeout'. Never throws; logs nothing.
 */
export function sendToRobot(
  job: DeliveryJob,
  deadline: number,
  deps: SendDependencies,
): Promise<DeliveryResult> {
  const progress: Progress = { attempts: 0, cancelled: false, current: null };
  let timer: NodeJS.Timeout | undefined;
  const atDeadline = new Promise<DeliveryResult>((resolve) => {
    timer = setTimeout(
      () => {
        progress.cancelled = true;
        progress.current?.abort();
        resolve(failed(job.robot.name, NO_TIME_LEFT, progress.attempts));
      },
      Math.max(0, deadline - deps.now()),
    );
  });
  const attempts = attemptUntilSettled(job, deadline, deps, progress).catch((error: unknown) =>
    failed(job.robot.name, networkFailure(error), progress.attempts),
  );
  return Promise.race([attempts, atDeadline]).finally(() => clearTimeout(timer));
}
