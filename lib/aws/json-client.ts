import type { HttpPost } from '../http/keep-alive-post';
import type { AwsCredentials } from './credentials';
import { parseJsonRecord } from '../json-record';
import type { SignAwsJsonRequest } from './sign-json-request';
import {
  AwsServiceError,
  errorOfAnswer,
  invalidAnswer,
  isTransientAwsError,
} from './service-error';

export interface AwsJsonClientOptions {
  /** As an operator reads it in an error: `SQS`, `DynamoDB`, `SSM`. */
  label: string;
  url: URL;
  /** `AmazonSQS`, `DynamoDB_20120810`, `AmazonSSM`: the x-amz-target is `<prefix>.<Action>`. */
  targetPrefix: string;
  sign: SignAwsJsonRequest;
  post: HttpPost;
  /** The signing clock. */
  now: () => number;
  /** Longest wait for one answer; default 1500 ms, so three attempts fit Gitee's 5 s budget. */
  attemptTimeoutMs?: number;
  /** Waits before each further attempt; default [50, 200]: three attempts, as the SDK's standard mode. */
  backoffMs?: readonly number[];
  /** Answer bytes kept; default 4 MiB (a DynamoDB Query page holds up to 1 MB of items). */
  maxAnswerBytes?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** What a service client takes and hands its JSON client unchanged: transport, clock, retries. */
export type AwsTransportOptions = Pick<
  AwsJsonClientOptions,
  'post' | 'now' | 'attemptTimeoutMs' | 'backoffMs' | 'sleep'
>;

/** A service client's dependencies: where it signs for and the transport. */
export interface AwsServiceClientDeps extends AwsTransportOptions {
  region: string;
  credentials: AwsCredentials;
  /** The configured endpoint (AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL), if any. */
  endpoint?: string;
}

export interface CallOptions {
  /** The caller's own deadline: once aborted, no attempt starts and the one under way stops. */
  signal?: AbortSignal;
}

/** One action: its JSON input in, the answer's JSON object out, or an error (never the input). */
export type AwsJsonCall = (
  action: string,
  input: object,
  options?: CallOptions,
) => Promise<Record<string, unknown>>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One AWS JSON service without its SDK client (whose loading is a large part of a cold start,
 * npm run bench): one signed POST per call over the caller's kept-alive transport. Retries
 * network errors, attempt timeouts, 5xx and throttling; never validation, access or
 * conditional-check failures, which another attempt cannot change.
 */
export function createAwsJsonClient(options: AwsJsonClientOptions): AwsJsonCall {
  const backoffMs = options.backoffMs ?? [50, 200];
  const sleep = options.sleep ?? defaultSleep;
  return async (action, input, { signal } = {}) => {
    const body = JSON.stringify(input);
    const target = `${options.targetPrefix}.${action}`;
    for (let tries = 0; ; tries += 1) {
      try {
        return await attemptOnce(options, target, body, signal);
      } catch (error) {
        const backoff = backoffMs[tries];
        if (backoff === undefined || signal?.aborted || !mayRetry(error)) throw error;
        await sleep(backoff);
        if (signal?.aborted) throw error;
      }
    }
  };
}

/** Signed afresh per attempt: a retry after a throttle must not carry a stale x-amz-date. */
async function attemptOnce(
  options: AwsJsonClientOptions,
  target: string,
  body: string,
  outer: AbortSignal | undefined,
): Promise<Record<string, unknown>> {
  if (outer?.aborted) throw new AwsAbortError(`gave up waiting for ${options.label}`);
  const timeoutMs = options.attemptTimeoutMs ?? 1500;
  const headers = await options.sign(options.url, target, body, new Date(options.now()));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stop = () => controller.abort();
  outer?.addEventListener('abort', stop, { once: true });
  try {
    const answer = await options.post(options.url.href, body, {
      headers,
      signal: controller.signal,
      maxAnswerBytes: options.maxAnswerBytes ?? 4 * 1024 * 1024,
    });
    if (answer.status !== 200) throw errorOfAnswer(answer);
    // parseJsonRecord, not JSON.parse: its error would quote the text, which may hold secrets.
    const output = parseJsonRecord(answer.text);
    if (!output) throw invalidAnswer(options.label, answer.status);
    return output;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    if (outer?.aborted) throw new AwsAbortError(`gave up waiting for ${options.label}`);
    throw new AwsTimeoutError(`no answer from ${options.label} within ${timeoutMs} ms`);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', stop);
  }
}

/** Our own answer-time limit (the SDK client sets none), named as the SDK names a timeout. */
export class AwsTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** The caller's signal ended the call: not retried, and not the service's fault. */
export class AwsAbortError extends Error {
  override name = 'AbortError';
}

/** AWS said no for good, or sent no readable answer: not worth repeating. */
function mayRetry(error: unknown): boolean {
  if (error instanceof AwsServiceError) return isTransientAwsError(error);
  // Anything else failed in transport (refused, reset, DNS, our timeout): try again.
  return true;
}
