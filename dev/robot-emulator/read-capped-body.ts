import type http from 'node:http';

/**
 * DingTalk refuses a body over 20,000 bytes (§6); past 20 KiB the emulator has seen enough to
 * answer that, so it keeps no more and answers at once instead of buffering any size.
 */
export const MAX_READ_BYTES = 20 * 1024;

export interface CappedBody {
  /** The whole body, or its first MAX_READ_BYTES when it is longer. */
  bytes: Buffer;
  /** False when the body went past MAX_READ_BYTES; the rest is read and dropped. */
  complete: boolean;
}

/** Calls `done` once: when the body ends, or as soon as it passes MAX_READ_BYTES. */
export function readCappedBody(req: http.IncomingMessage, done: (body: CappedBody) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (complete: boolean) => {
    if (finished) return;
    finished = true;
    done({ bytes: Buffer.concat(chunks).subarray(0, MAX_READ_BYTES), complete });
  };
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    chunks.push(chunk);
    if (size > MAX_READ_BYTES) finish(false);
  });
  req.on('end', () => finish(true));
}
