/**
 * The `code` of a Node system error (ENOENT, ECONNREFUSED, …), looked up by shape rather than
 * `instanceof Error`: errors from Node's fetch come from another realm under test runners.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  return typeof code === 'string' ? code : cause === undefined ? undefined : errorCode(cause);
}
