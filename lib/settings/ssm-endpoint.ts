import { SettingsError } from '../errors';

/**
 * DNS suffixes of the AWS partitions other than the global one, as in the SDK's partition table
 * (@aws-sdk/core, `partitions`): SSM's endpoint rule is `https://ssm.{region}.{dnsSuffix}`.
 * China (cn-north-1, cn-northwest-1) is the one that matters to most teams using Gitee.
 */
const PARTITION_SUFFIXES: Array<[RegExp, string]> = [
  [/^cn-\w+-\d+$/, 'amazonaws.com.cn'],
  [/^eusc-de-\w+-\d+$/, 'amazonaws.eu'],
  [/^us-iso-\w+-\d+$/, 'c2s.ic.gov'],
  [/^us-isob-\w+-\d+$/, 'sc2s.sgov.gov'],
  [/^eu-isoe-\w+-\d+$/, 'cloud.adc-e.uk'],
  [/^us-isof-\w+-\d+$/, 'csp.hci.ic.gov'],
];

/** A region becomes a host name label: anything else is a misconfiguration, not a host. */
const REGION_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Where GetParametersByPath is POSTed: `endpoint` when configured (AWS_ENDPOINT_URL_SSM or
 * AWS_ENDPOINT_URL, as the SDK honours them: LocalStack, a VPC endpoint, the fake SSM), else
 * the region's public endpoint. The region is needed either way: it is part of the signature.
 */
export function resolveSsmEndpoint(region: string, endpoint?: string): URL {
  if (!region) throw new SettingsError('no AWS region for SSM (AWS_REGION is not set)');
  if (!REGION_PATTERN.test(region)) {
    throw new SettingsError('the AWS region for SSM is not a region name (check AWS_REGION)');
  }
  if (endpoint) {
    const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
      throw new SettingsError(
        'the SSM endpoint is not an http(s) URL (check AWS_ENDPOINT_URL_SSM)',
      );
    }
    return url;
  }
  const suffix = PARTITION_SUFFIXES.find(([pattern]) => pattern.test(region))?.[1];
  return new URL(`https://ssm.${region}.${suffix ?? 'amazonaws.com'}/`);
}
