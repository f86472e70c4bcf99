import { flushGroupId } from '../group-id';
import { formatFlushToken } from '../parse-message';
import type { ConsumerQueues } from '../ports';

/**
 * Puts a flush token for a robot group on the delivery queue. It lives in its own message
 * group (`f-…`), so the robot's event records keep flowing while it waits; the deduplication
 * id is unique per send, because a token that finished may be needed again within SQS's
 * five-minute deduplication window.
 */
export function sendFlushToken(
  queues: ConsumerQueues,
  token: { group: string; robot: string },
  now: number,
  random: () => number,
): Promise<void> {
  const groupId = flushGroupId(token.group);
  const nonce = Math.floor(random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
  return queues.send('delivery', {
    groupId,
    deduplicationId: `${groupId}-${now}-${nonce}`,
    body: formatFlushToken(token),
  });
}
