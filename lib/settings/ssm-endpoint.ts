import { resolveServiceEndpoint, SSM_NAMES } from '../aws/endpoint';

/**
 * Where GetParametersByPath is POSTed: `endpoint` when configured (AWS_ENDPOINT_URL_SSM or
 * AWS_ENDPOINT_URL: LocalStack, a VPC endpoint, the fake SSM), else the region's public
 * endpoint. The region is needed either way: it is part of the signature.
 */
export function resolveSsmEndpoint(region: string, endpoint?: string): URL {
  return resolveServiceEndpoint(SSM_NAMES, region, endpoint);
}
