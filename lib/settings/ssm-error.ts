/**
 * What an AWS call failure (SSM, SQS, DynamoDB) says in a log line or a CLI message. AWS
 * validation messages can echo the request ("Value '…' at 'value' failed to satisfy
 * constraint"), so only the error's name is kept, plus the message of the few errors whose text
 * is known to hold no input (who lacks which permission, missing credentials): that is what an
 * operator needs to fix them.
 */
const MESSAGE_IS_SAFE = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);

export function describeSsmError(operation: string, error: unknown): string {
  return describeAwsError('SSM', operation, error);
}

/** `<service> <operation> failed: <name> [code] (HTTP n) [- safe message]`. */
export function describeAwsError(service: string, operation: string, error: unknown): string {
  return `${service} ${operation} failed: ${describeError(error)}`;
}

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function describeError(error: unknown): string {
  // Duck-typed, not `instanceof Error`: node:http's errors come from another realm under jest.
  const { name, message, code, $metadata } = (error ?? {}) as ErrorFields;
  if (typeof error !== 'object' || typeof name !== 'string') return 'unknown error';
  const status = $metadata?.httpStatusCode;
  const parts = [name];
  if (typeof code === 'string' && code !== name) parts.push(code);
  if (typeof status === 'number') parts.push(`(HTTP ${status})`);
  if (MESSAGE_IS_SAFE.has(name) && typeof message === 'string' && message) {
    parts.push(`- ${message}`);
  }
  return parts.join(' ');
}
