import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from './credentials';

/** The AWS JSON protocol versions: 1.0 for SQS and DynamoDB, 1.1 for SSM. */
export type AwsJsonVersion = '1.0' | '1.1';

export interface AwsJsonSignerOptions {
  /** The signing name: `sqs`, `dynamodb`, `ssm`. */
  service: string;
  region: string;
  credentials: AwsCredentials;
  version: AwsJsonVersion;
  /** Headers the SDK client adds for this service (SQS: `x-amzn-query-mode`), signed too. */
  headers?: Record<string, string>;
}

/** The headers to send with one request, `authorization` included. */
export type SignAwsJsonRequest = (
  url: URL,
  target: string,
  body: string,
  signingDate: Date,
) => Promise<Record<string, string>>;

/**
 * Signs AWS JSON requests with the SDK's own SigV4 signer and SHA-256 (the classes its clients
 * sign with), so no signing code lives here: we only choose the headers. content-type,
 * content-length, host and x-amz-target are signed as the SDK signs them; the signer adds
 * x-amz-date, x-amz-security-token (temporary credentials, as on Lambda) and
 * x-amz-content-sha256. test/aws/ compares the result with the SDK clients header for header.
 */
export function createAwsJsonSigner(options: AwsJsonSignerOptions): SignAwsJsonRequest {
  const { service, region, credentials } = options;
  const signer = new SignatureV4({ service, region, credentials, sha256: Sha256 });
  const contentType = `application/x-amz-json-${options.version}`;
  const extra = options.headers ?? {};
  return async (url, target, body, signingDate) => {
    const request = {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: {
        'content-type': contentType,
        'content-length': String(Buffer.byteLength(body, 'utf8')),
        host: url.host,
        'x-amz-target': target,
        ...extra,
      },
      body,
    };
    const signed = await signer.sign(request, { signingDate });
    return signed.headers;
  };
}
