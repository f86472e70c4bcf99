import type { RobotAnswer } from '../platforms/chat-platform';
import type { DeliveryJob, DeliveryResult } from './types';
import { networkFailure } from './network-failure';

/**
 * One POST of a JSON body to a robot: the HTTP status and the body as text. Rejects on a
 * network error (the error, or its `cause`, carrying the code such as ECONNREFUSED) and when
 * `signal` aborts. Never follows a redirect: a 302 is DingTalk's WAF throttling us
 * (dingtalk-robot-api.md §4), and no platform answers a robot message with one otherwise.
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

function noTimeLeft(label: string): Failure {
  const error = `timeout: the deadline passed before ${label} answered`;
  return { ok: false, reason: 'timeout', error, retryable: false };
}

/** One robot's sending, shared with the deadline timer that may cancel it. */
interface Progress {
  attempts: number;
  cancelled: boolean;
  /** The attempt in flight, which the deadline aborts. */
  current: AbortController | null;
}

async function attemptOnce(
  job: DeliveryJob,
  timeoutMs: number,
  deps: SendDependencies,
  progress: Progress,
): Promise<RobotAnswer> {
  const { platform, robot } = job;
  let request: { url: string; body: string };
  try {
    // Built per attempt: a re-sent request must carry a fresh signature (DingTalk in the URL,
    // Feishu in the body), or the platform refuses it as stale or replayed.
    const target = { webhook: robot.webhook.reveal(), secret: robot.secret?.reveal() ?? null };
    request = platform.request(job.message, target, deps.now());
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
    const { status, text } = await deps.post(request.url, request.body, attempt.signal);
    return platform.classify(status, text);
  } catch (error) {
    if (!attempt.signal.aborted) return networkFailure(error, platform.label);
    const words = `timeout: no answer from ${platform.label} within ${timeoutMs} ms`;
    return { ...noTimeLeft(platform.label), error: words };
  } finally {
    clearTimeout(timer);
    progress.current = null;
  }
}

function failed(job: DeliveryJob, answer: Failure, attempts: number): DeliveryResult {
  const { reason, errcode, error } = answer;
  const robot = job.robot.name;
  const platform = job.platform.name;
  return errcode === undefined
    ? { robot, platform, ok: false, reason, error, attempts }
    : { robot, platform, ok: false, reason, errcode, error, attempts };
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
  const refusal = job.platform.refuse(job.message);
  if (refusal !== null) {
    // Renderers keep messages within the limit; this guard only stops a certain refusal.
    const error = `message too long: ${refusal}; not sent`;
    return failed(job, { ok: false, reason: 'too_long', error, retryable: false }, 0);
  }
  let last = noTimeLeft(job.platform.label);
  let timestampRetried = false;
  for (;;) {
    const budget = deadline - deps.now();
    if (budget <= 0 || progress.cancelled) break;
    progress.attempts += 1;
    const timeoutMs = Math.min(deps.attemptTimeoutMs, budget);
    const answer = await attemptOnce(job, timeoutMs, deps, progress);
    if (answer.ok) {
      return {
        robot: job.robot.name,
        platform: job.platform.name,
        ok: true,
        attempts: progress.attempts,
      };
    }
    last = answer;
    if (!mayRetry(answer, timestampRetried) || progress.attempts >= deps.maxAttempts) break;
    timestampRetried ||= answer.reason === 'timestamp';
    // The platform's own pause (WeCom 45009: its minute) when it names one; a pause that
    // does not fit before the deadline means the answer is what gets reported.
    const pause =
      answer.retryAfterMs ?? BACKOFF_MS[Math.min(progress.attempts, BACKOFF_MS.length) - 1] ?? 0;
    if (deadline - deps.now() < pause + MIN_ATTEMPT_MS) break;
    await deps.sleep(pause);
  }
  return failed(job, last, progress.attempts);
}

/**
 * Sends one message to one robot through its platform, retrying only what can succeed, and
 * settles by `deadline` whatever the robot, the network or an injected transport does: a timer
 * at the deadline cancels the attempt in flight and answers 'timeout'. Never throws; logs
 * nothing.
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
        resolve(failed(job, noTimeLeft(job.platform.label), progress.attempts));
      },
      Math.max(0, deadline - deps.now()),
    );
  });
  const attempts = attemptUntilSettled(job, deadline, deps, progress).catch((error: unknown) =>
    failed(job, networkFailure(error, job.platform.label), progress.attempts),
  );
  return Promise.race([attempts, atDeadline]).finally(() => clearTimeout(timer));
}
