import type http from 'node:http';
import type { PlaygroundFeed } from './playground-feed';

/** Proxies and idle timeouts drop a silent stream; a comment line every 15 s keeps it open. */
const KEEPALIVE_MS = 15_000;

/**
 * GET /playground/events: server-sent events. Each connection (and each automatic reconnect)
 * starts with a `snapshot` of every preview, newest first, so the page cannot miss a message
 * that arrived between loading and subscribing; then one `message` per new message.
 */
export function serveEvents(res: http.ServerResponse, feed: PlaygroundFeed): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const send = (event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('snapshot', feed.previews());
  const unsubscribe = feed.subscribe((event) => {
    if (event.kind === 'message') send('message', event.preview);
    else send('snapshot', []);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  res.on('close', () => {
    clearInterval(keepalive);
    unsubscribe();
  });
}
