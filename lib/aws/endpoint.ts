import { SettingsError } from '../errors';

/**
 * DNS suffixes of the AWS partitions other than the global one, as in the SDK's partition table
 * (@aws-sdk/core, `partitions`): the regional endpoint rule is `https://{service}.{region}.{dnsSuffix}`.
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

/** How a service is named in configuration messages. */
export interface ServiceNames {
  /** `SSM`, `SQS`, `DynamoDB`: as an operator reads it. */
  label: string;
  /** The host's first label at the regional endpoint: `ssm`, `sqs`, `dynamodb`. */
  host: string;
  /** The variable that configures the endpoint: `AWS_ENDPOINT_URL_SSM`, … */
  variable: string;
}

/** The region is needed whichever endpoint is used: it is part of the signature. */
export function checkRegion(names: ServiceNames, region: string): void {
  if (!region) throw new SettingsError(`no AWS region for ${names.label} (AWS_REGION is not set)`);
  if (!REGION_PATTERN.test(region)) {
    throw new SettingsError(
      `the AWS region for ${names.label} is not a region name (check AWS_REGION)`,
    );
  }
}

/** An http(s) URL, or a SettingsError naming what to check. */
export function parseEndpoint(
  names: ServiceNames,
  endpoint: string,
  variable = names.variable,
): URL {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new SettingsError(
      `the ${names.label} endpoint is not an http(s) URL (check ${variable})`,
    );
  }
  return url;
}

export function regionalEndpoint(names: ServiceNames, region: string): URL {
  const suffix = PARTITION_SUFFIXES.find(([pattern]) => pattern.test(region))?.[1];
  return new URL(`https://${names.host}.${region}.${suffix ?? 'amazonaws.com'}/`);
}

/**
 * Where a service's requests go: `endpoint` when configured (the service's AWS_ENDPOINT_URL_*
 * or AWS_ENDPOINT_URL, as the SDK honours them: LocalStack, a VPC endpoint, a fake), else the
 * region's public endpoint. The caller reads the environment and passes the value.
 */
export function resolveServiceEndpoint(
  names: ServiceNames,
  region: string,
  endpoint?: string,
): URL {
  checkRegion(names, region);
  return endpoint ? parseEndpoint(names, endpoint) : regionalEndpoint(names, region);
}

export const SSM_NAMES: ServiceNames = {
  label: 'SSM',
  host: 'ssm',
  variable: 'AWS_ENDPOINT_URL_SSM',
};
export const SQS_NAMES: ServiceNames = {
  label: 'SQS',
  host: 'sqs',
  variable: 'AWS_ENDPOINT_URL_SQS',
};
export const DYNAMODB_NAMES: ServiceNames = {
  label: 'DynamoDB',
  host: 'dynamodb',
  variable: 'AWS_ENDPOINT_URL_DYNAMODB',
};

/**
 * SQS (contract): the configured endpoint, else the queue URL's own origin, as the SDK's SQS
 * client does (`useQueueUrlAsEndpoint`): the URL Lambda's environment holds is already the
 * right regional (or VPC) host. `queueVariable` names the setting in the error.
 */
export function resolveSqsEndpoint(
  region: string,
  endpoint: string | undefined,
  queueUrl: string,
  queueVariable = 'DELIVERY_QUEUE_URL',
): URL {
  checkRegion(SQS_NAMES, region);
  if (endpoint) return parseEndpoint(SQS_NAMES, endpoint);
  const queue = URL.canParse(queueUrl) ? new URL(queueUrl) : undefined;
  if (queue?.protocol !== 'https:' && queue?.protocol !== 'http:') {
    throw new SettingsError(`the SQS queue URL is not an http(s) URL (check ${queueVariable})`);
  }
  return new URL(queue.origin);
}

/** DynamoDB (contract): the configured endpoint, else `https://dynamodb.<region>.<suffix>`. */
export function resolveDynamoEndpoint(region: string, endpoint?: string): URL {
  return resolveServiceEndpoint(DYNAMODB_NAMES, region, endpoint);
}
