import http from 'node:http';
import https from 'node:https';
import type { Deliverer } from './delivery';
import { sendToRobot, type PostJson, type SendDependencies } from './send-to-robot';

export type DirectDelivererDependencies = (
  | {
      /** How messages reach DingTalk (production: createKeepAlivePost()). */
      post: PostJson;
    }
  | {
      /** The global fetch or a stand-in (tests, the local server). */
      fetch: typeof fetch;
    }
) & {
  now: () => number;
  /** Longest wait for one answer; default 2000 ms, so a retry still fits Gitee's 5 s budget. */
  attemptTimeoutMs?: number;
  /** Attempts per robot, the first included; default 3 (§4: retry a busy robot ≤3 times). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
};

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The deliverer that POSTs to every robot at once from this invocation. Each job settles by
 * the deadline on its own, so one hanging robot does not hold back the others.
 */
export function createDirectDeliverer(deps: DirectDelivererDependencies): Deliverer {
  const send: SendDependencies = {
    post: 'post' in deps ? deps.post : postWithFetch(deps.fetch),
    now: deps.now,
    sleep: deps.sleep ?? sleepFor,
    attemptTimeoutMs: deps.attemptTimeoutMs ?? 2000,
    maxAttempts: Math.max(1, deps.maxAttempts ?? 3),
  };
  return {
    deliver: (jobs, deadline) => Promise.all(jobs.map((job) => sendToRobot(job, deadline, send))),
  };
}

/** A 302 is DingTalk's WAF throttling us (§4): `redirect: 'manual'` keeps it visible. */
function postWithFetch(fetchImpl: typeof fetch): PostJson {
  return async (url, body, signal) => {
    const init = {
      method: 'POST',
      headers: JSON_HEADERS,
      body,
      signal,
      redirect: 'manual' as const,
    };
    const response = await fetchImpl(url, init);
    return { status: response.status, text: await response.text() };
  };
}

/** A robot answers with a few dozen bytes of JSON; anything past this is not a robot's answer. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs over node:http(s) with kept-alive connections, so a warm container reuses its TLS
 * connection to DingTalk instead of a handshake per message. Not the global fetch: undici
 * takes ~50 ms to load on a cold start and costs more per request (bench/results.json).
 */
export function createKeepAlivePost(): PostJson {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  return (url, body, signal) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:' && target.protocol !== 'http:') {
        reject(new TypeError(`unsupported protocol ${target.protocol}`));
        return;
      }
      const secure = target.protocol === 'https:';
      const headers = { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body, 'utf8') };
      const options = {
        method: 'POST',
        agent: secure ? agents['https:'] : agents['http:'],
        headers,
      };
      const request = (secure ? https : http).request(target, options, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          signal.removeEventListener('abort', abort);
          const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES);
          resolve({ status: response.statusCode ?? 0, text });
        });
        response.on('error', fail);
      });
      // One listener instead of http.request's `signal` option, which costs more per request.
      function abort() {
        request.destroy(new DOMException('the request was aborted', 'AbortError'));
      }
      function fail(error: Error) {
        signal.removeEventListener('abort', abort);
        reject(error);
      }
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
      request.on('error', fail);
      request.end(body);
    });
}
