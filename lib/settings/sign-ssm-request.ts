import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** AWS JSON 1.1, as the SDK's SSM client sends it. */
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The headers to send with one SSM request, `authorization` included. */
export type SignSsmRequest = (
  url: URL,
  target: string,
  body: string,
  signingDate: Date,
) => Promise<Record<string, string>>;

/**
 * Signs SSM JSON requests with the AWS SDK's own SigV4 signer and SHA-256 (the classes the
 * SSMClient itself signs with), so no signing code lives here: we only choose the headers.
 * host, content-type, content-length and x-amz-target are signed as the SDK signs them; the
 * signer adds x-amz-date, x-amz-security-token (temporary credentials, as on Lambda) and
 * x-amz-content-sha256.
 */
export function createSsmRequestSigner(
  region: string,
  credentials: AwsCredentials,
): SignSsmRequest {
  const signer = new SignatureV4({ service: 'ssm', region, credentials, sha256: Sha256 });
  return async (url, target, body, signingDate) => {
    const request = {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: {
        'content-type': CONTENT_TYPE,
        'content-length': String(Buffer.byteLength(body, 'utf8')),
        host: url.host,
        'x-amz-target': target,
      },
      body,
    };
    const signed = await signer.sign(request, { signingDate });
    return signed.headers;
  };
}
