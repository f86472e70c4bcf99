/**
 * Receipt handles: opaque to clients, but the model writes into one the queue, the message
 * and which receive it was, so a handle from an earlier receive is told apart from the
 * latest (SQS: only the latest handle deletes; on FIFO an older or lapsed one has "expired").
 */
const PREFIX = 'AQEBfake';

export interface Receipt {
  queue: string;
  messageId: string;
  /** The message's receive count when this handle was issued. */
  receive: number;
}

export function encodeReceipt(receipt: Receipt): string {
  const text = `${receipt.queue}\n${receipt.messageId}\n${receipt.receive}`;
  return PREFIX + Buffer.from(text, 'utf8').toString('base64url');
}

/** The receipt, or null when the text is not a handle this model issued. */
export function decodeReceipt(handle: string): Receipt | null {
  if (!handle.startsWith(PREFIX)) return null;
  const parts = Buffer.from(handle.slice(PREFIX.length), 'base64url').toString('utf8').split('\n');
  if (parts.length !== 3) return null;
  const [queue = '', messageId = '', receive = ''] = parts;
  if (!/^\d+$/.test(receive)) return null;
  return { queue, messageId, receive: Number(receive) };
}
