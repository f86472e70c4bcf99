import type { ChatPlatform, RobotAnswer } from '../../platforms/chat-platform';
import { sendToRobot } from '../../send/send-one';
import type { DeliveryJob, DeliveryResult } from '../../send/types';
import type { Invocation } from './invocation';

/** Longest wait for one answer, as in direct mode. */
const ATTEMPT_TIMEOUT_MS = 2000;
/** One attempt, and one more only for a stale timestamp, freshly signed. */
const MAX_ATTEMPTS = 2;
/** Two attempts and the pause between them; no send starts with less of the budget left. */
export const SEND_WINDOW_MS = 2 * ATTEMPT_TIMEOUT_MS + 500;

/**
 * The platform as the consumer sends through it: nothing it answered is retried within the
 * call except a stale timestamp (which sendToRobot re-signs once). A busy robot or a rate
 * limit is retried by the queue, after a backoff or the block, every retry a slot of its own:
 * an in-call retry would be a message the pace item never counted.
 */
function withoutRetries(platform: ChatPlatform): ChatPlatform {
  return {
    ...platform,
    classify(httpStatus: number, bodyText: string): RobotAnswer {
      const answer = platform.classify(httpStatus, bodyText);
      if (answer.ok) return answer;
      const final = { ...answer, retryable: false };
      delete final.retryAfterMs;
      return final;
    },
  };
}

/** Sends one message, settled by the invocation's deadline whatever the robot does. */
export function sendJob(job: DeliveryJob, invocation: Invocation): Promise<DeliveryResult> {
  const { deps } = invocation;
  const deadline = Math.min(deps.now() + SEND_WINDOW_MS, invocation.deadline);
  return sendToRobot({ ...job, platform: withoutRetries(job.platform) }, deadline, {
    post: deps.post,
    now: deps.now,
    sleep: deps.sleep,
    attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
    maxAttempts: MAX_ATTEMPTS,
  });
}
