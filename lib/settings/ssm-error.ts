/**
 * What an SSM call failure says in a log line or a CLI message. AWS validation messages can echo
 * the request ("Value '…' at 'value' failed to satisfy constraint"), so only the error's name is
 * kept, plus the message of the few errors whose text is known to hold no input (who lacks which
 * permission, missing credentials): that is what an operator needs to fix them.
 */
const MESSAGE_IS_SAFE = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);

export function describeSsmError(operation: string, error: unknown): string {
  return `SSM ${operation} failed: ${describeError(error)}`;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  const parts = [error.name];
  if (typeof code === 'string' && code !== error.name) parts.push(code);
  if (typeof status === 'number') parts.push(`(HTTP ${status})`);
  if (MESSAGE_IS_SAFE.has(error.name) && error.message) parts.push(`- ${error.message}`);
  return parts.join(' ');
}
