import { createAwsJsonClient } from '../aws/json-client';
import { createKeepAliveHttpPost, type HttpPost } from '../http/keep-alive-post';
import type { ReadParametersPage } from './load-parameters-from';
import { createSsmRequestSigner, type AwsCredentials } from './sign-ssm-request';
import { readSsmPage } from './ssm-answer';
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

/** Ten parameters of up to 8 KB each, plus their metadata, fit well within this. */
const MAX_PAGE_BYTES = 1024 * 1024;

/**
 * GetParametersByPath without the AWS SDK client, whose loading took ~90 ms of a ~200 ms cold
 * start (npm run bench): one POST per page in the AWS JSON 1.1 protocol through the shared
 * signed JSON client (lib/aws/json-client.ts: three attempts for network errors, timeouts,
 * 5xx and throttling; none for access or validation errors). Throws SettingsError at once when
 * the region or endpoint is unusable.
 */
export function createSsmPageReader(deps: SsmPageReaderDeps): ReadParametersPage {
  const call = createAwsJsonClient({
    label: 'SSM',
    url: resolveSsmEndpoint(deps.region, deps.endpoint),
    targetPrefix: 'AmazonSSM',
    sign: createSsmRequestSigner(deps.region, deps.credentials),
    post: deps.post ?? createKeepAliveHttpPost(),
    now: deps.now,
    attemptTimeoutMs: deps.attemptTimeoutMs,
    maxAnswerBytes: MAX_PAGE_BYTES,
  });
  return async (input) => readSsmPage(await call('GetParametersByPath', input));
}
