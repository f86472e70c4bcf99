import { createKeepAliveHttpPost, type HttpPost } from '../http/keep-alive-post';
import type { ParametersPage, ReadParametersPage } from './load-parameters-from';
import {
  createSsmRequestSigner,
  type AwsCredentials,
  type SignSsmRequest,
} from './sign-ssm-request';
import { isTransientSsmError, readSsmAnswer, SsmServiceError } from './ssm-answer';
import { resolveSsmEndpoint } from './ssm-endpoint';

export interface SsmPageReaderDeps {
  region: string;
  credentials: AwsCredentials;
  /** AWS_ENDPOINT_URL_SSM or AWS_ENDPOINT_URL; default: the region's public SSM endpoint. */
  endpoint?: string;
  /** The signing clock. */
  now: () => number;
  post?: HttpPost;
  /** Longest wait for one answer; default 1500 ms, so three attempts fit Gitee's 5 s budget. */
  attemptTimeoutMs?: number;
}

const TARGET = 'AmazonSSM.GetParametersByPath';
/** Waits before the 2nd and 3rd attempt: three attempts in all, as the SDK's standard mode. */
const BACKOFF_MS = [50, 200];
/** Ten parameters of up to 8 KB each, plus their metadata, fit well within this. */
const MAX_PAGE_BYTES = 1024 * 1024;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GetParametersByPath without the AWS SDK client, whose loading took ~90 ms of a ~200 ms cold
 * start (npm run bench): one POST per page in the AWS JSON 1.1 protocol, signed with the SDK's
 * own SigV4 signer, over kept-alive connections. Retries network errors, timeouts, 5xx and
 * throttling; never access or validation errors. Throws SettingsError at once when the region
 * or endpoint is unusable.
 */
export function createSsmPageReader(deps: SsmPageReaderDeps): ReadParametersPage {
  const url = resolveSsmEndpoint(deps.region, deps.endpoint);
  const attempt: Attempt = {
    url,
    sign: createSsmRequestSigner(deps.region, deps.credentials),
    post: deps.post ?? createKeepAliveHttpPost(),
    now: deps.now,
    timeoutMs: deps.attemptTimeoutMs ?? 1500,
  };
  return async (input) => {
    const body = JSON.stringify(input);
    for (let tries = 0; ; tries += 1) {
      try {
        return await attemptOnce(body, attempt);
      } catch (error) {
        const backoff = BACKOFF_MS[tries];
        if (backoff === undefined || !mayRetry(error)) throw error;
        await sleep(backoff);
      }
    }
  };
}

interface Attempt {
  url: URL;
  sign: SignSsmRequest;
  post: HttpPost;
  now: () => number;
  timeoutMs: number;
}

/** Signed afresh per attempt: a retry after a throttle must not carry a stale x-amz-date. */
async function attemptOnce(body: string, attempt: Attempt): Promise<ParametersPage> {
  const headers = await attempt.sign(attempt.url, TARGET, body, new Date(attempt.now()));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), attempt.timeoutMs);
  try {
    const answer = await attempt.post(attempt.url.href, body, {
      headers,
      signal: controller.signal,
      maxAnswerBytes: MAX_PAGE_BYTES,
    });
    return readSsmAnswer(answer);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    throw new SsmTimeoutError(`no answer from SSM within ${attempt.timeoutMs} ms`);
  } finally {
    clearTimeout(timer);
  }
}

/** Our own answer-time limit (the SDK client sets none), named as the SDK names a timeout. */
class SsmTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** AWS said no for good (access, validation, not found) or sent no page: not worth repeating. */
function mayRetry(error: unknown): boolean {
  if (error instanceof SsmServiceError) return isTransientSsmError(error);
  // Anything else failed in transport (refused, reset, DNS, our timeout): try again.
  return true;
}
