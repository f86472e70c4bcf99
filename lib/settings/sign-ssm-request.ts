import type { AwsCredentials } from '../aws/credentials';
import { createAwsJsonSigner, type SignAwsJsonRequest } from '../aws/sign-json-request';

export type { AwsCredentials } from '../aws/credentials';

/** The headers to send with one SSM request, `authorization` included. */
export type SignSsmRequest = SignAwsJsonRequest;

/** SSM speaks AWS JSON 1.1, signed as the SDK's SSMClient signs it (lib/aws/sign-json-request.ts). */
export function createSsmRequestSigner(
  region: string,
  credentials: AwsCredentials,
): SignSsmRequest {
  return createAwsJsonSigner({ service: 'ssm', region, credentials, version: '1.1' });
}
