import type { DeliveryFailureReason } from '../../send/types';
import type { DeadLetterReason } from '../outcome';

/**
 * What the consumer does after a robot refused a message (issue 11's outcome table):
 * - block: the platform's rate limit; every container leaves the robot alone for its window;
 * - backoff: may pass by itself (busy, network, timeout, HTTP, a stale timestamp that was
 *   already re-signed once); try again after 10 s · 2^(n−1);
 * - refresh: a rotated secret or webhook would fix it; re-read the settings once;
 * - dead: sending the same message again cannot succeed; the DLQ, with the reason.
 */
export type FailureAction =
  | { kind: 'block' }
  | { kind: 'backoff' }
  | { kind: 'refresh'; reason: 'signature' | 'token' }
  | { kind: 'dead'; reason: DeadLetterReason };

export function failureAction(reason: DeliveryFailureReason): FailureAction {
  switch (reason) {
    case 'rate_limit':
      return { kind: 'block' };
    case 'busy':
    case 'network':
    case 'timeout':
    case 'http':
    case 'timestamp':
      return { kind: 'backoff' };
    case 'signature':
    case 'token':
      return { kind: 'refresh', reason };
    case 'keyword':
    case 'ip':
    case 'too_long':
    case 'rejected':
      return { kind: 'dead', reason };
  }
}
