import type { Deliverer } from './delivery';
import { sendToRobot, type SendDependencies } from './send-to-robot';

export interface DirectDelivererDependencies {
  fetch: typeof fetch;
  now: () => number;
  /** Longest wait for one answer; default 2000 ms, so a retry still fits Gitee's 5 s budget. */
  attemptTimeoutMs?: number;
  /** Attempts per robot, the first included; default 3 (§4: retry a busy robot ≤3 times). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The deliverer that POSTs to every robot at once from this invocation. Each job settles by
 * the deadline on its own, so one hanging robot does not hold back the others.
 */
export function createDirectDeliverer(deps: DirectDelivererDependencies): Deliverer {
  const send: SendDependencies = {
    fetch: deps.fetch,
    now: deps.now,
    sleep: deps.sleep ?? sleepFor,
    attemptTimeoutMs: deps.attemptTimeoutMs ?? 2000,
    maxAttempts: Math.max(1, deps.maxAttempts ?? 3),
  };
  return {
    deliver: (jobs, deadline) => Promise.all(jobs.map((job) => sendToRobot(job, deadline, send))),
  };
}
