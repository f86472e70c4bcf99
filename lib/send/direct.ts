import { createKeepAliveHttpPost, type HttpPost } from '../http/keep-alive-post';
import type { Deliverer } from './types';
import { sendToRobot, type PostJson, type SendDependencies } from './send-one';

export interface DirectDelivererDependencies {
  /** How messages reach the robots: createKeepAlivePost(), everywhere. */
  post: PostJson;
  now: () => number;
  /** Longest wait for one answer; default 2000 ms, so a retry still fits Gitee's 5 s budget. */
  attemptTimeoutMs?: number;
  /** Attempts per robot, the first included; default 3 (dingtalk-robot-api.md §4: ≤3). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The deliverer that POSTs to every robot at once from this invocation. Each job settles by
 * the deadline on its own, so one hanging robot does not hold back the others.
 */
export function createDirectDeliverer(deps: DirectDelivererDependencies): Deliverer {
  const send: SendDependencies = {
    post: deps.post,
    now: deps.now,
    sleep: deps.sleep ?? sleepFor,
    attemptTimeoutMs: deps.attemptTimeoutMs ?? 2000,
    maxAttempts: Math.max(1, deps.maxAttempts ?? 3),
  };
  return {
    deliver: (jobs, deadline) => Promise.all(jobs.map((job) => sendToRobot(job, deadline, send))),
  };
}

/**
 * The robots' transport: kept-alive node:http(s) connections (see createKeepAliveHttpPost),
 * a JSON body, and no redirect following (a 302 is DingTalk's throttling, kept visible).
 */
export function createKeepAlivePost(post: HttpPost = createKeepAliveHttpPost()): PostJson {
  return (url, body, signal) => post(url, body, { headers: JSON_HEADERS, signal });
}
