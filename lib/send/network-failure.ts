import { FORBIDDEN_ADDRESS_CODE } from '../http/forbidden-address';
import type { RobotAnswer } from '../platforms/chat-platform';

type Failure = Extract<RobotAnswer, { ok: false }>;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** OpenSSL's verification codes and Node's name check: the peer is not who it should be. */
const CERTIFICATE_CODE = /CERT|SIGNATURE/;

/**
 * A failed POST in plain words naming the platform (`label`: "DingTalk", "Feishu"…), with only
 * the error code (ECONNREFUSED, ENOTFOUND…): the messages can name the host. node:http puts the
 * code on the error, other transports on its cause. Duck-typed, since errors may come from
 * another realm. A refused address or an untrusted certificate is not retried: the next
 * attempt would meet the same answer.
 */
export function networkFailure(error: unknown, label: string): Failure {
  const cause =
    typeof error === 'object' && error !== null && 'cause' in error ? error.cause : null;
  const code = errorCode(cause) || errorCode(error);
  if (code === FORBIDDEN_ADDRESS_CODE) {
    const words = "the robot's webhook host is, or resolves to, a link-local or metadata address";
    return {
      ok: false,
      reason: 'network',
      error: `not sent (${code}): ${words}`,
      retryable: false,
    };
  }
  const detail = /^[A-Z0-9_]+$/.test(code) ? ` (${code})` : '';
  if (CERTIFICATE_CODE.test(code)) {
    const error = `network error${detail}: ${label}'s TLS certificate could not be verified`;
    return { ok: false, reason: 'network', error, retryable: false };
  }
  return {
    ok: false,
    reason: 'network',
    error: `network error${detail}: could not reach ${label}`,
    retryable: true,
  };
}
