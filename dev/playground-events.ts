import type http from 'node:http';
import type { FateFeed } from './playground-fates';
import type { PlaygroundFeed } from './playground-feed';

/** What the page follows: the robots' messages and the events' fates. */
export interface StreamSources {
  feed: PlaygroundFeed;
  fates: FateFeed;
}

export interface EventStreamLimits {
  /** Open streams at once; one more is answered 503. A few browser tabs need a handful. */
  maxClients: number;
  /**
   * A stream that has carried no event (snapshot, message or fate) for this long is closed. The
   * keep-alive comments do not count: they are the server talking to itself. A page's
   * EventSource reconnects on its own and gets a fresh snapshot, so an open tab loses
   * nothing; a connection nobody reads any more is released.
   */
  idleMs: number;
  /** Proxies and idle timeouts drop a silent stream; a comment line this often keeps it open. */
  keepaliveMs: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = {
  maxClients: 16,
  idleMs: 10 * 60 * 1000,
  keepaliveMs: 15_000,
};

export interface EventStreams {
  /** GET /playground/events */
  serve(res: http.ServerResponse): void;
  /** Ends every open stream (server shutdown). */
  close(): void;
}

/**
 * GET /playground/events: server-sent events. Each connection (and each automatic reconnect)
 * starts with a `snapshot` of every preview and a `fates` list of every event's fate, newest
 * first, so the page cannot miss one that changed between loading and subscribing; then one
 * `message` per new message and one `fate` per changed fate.
 */
export function createEventStreams(
  sources: StreamSources,
  limits: EventStreamLimits,
): EventStreams {
  const open = new Set<http.ServerResponse>();
  return {
    serve(res) {
      if (open.size >= limits.maxClients) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
        res.end(
          `Too many open playground streams (${limits.maxClients}): close some playground tabs.\n`,
        );
        return;
      }
      open.add(res);
      res.on('close', () => open.delete(res));
      // The slot is free from the moment the stream ends, not once the socket has gone.
      stream(res, sources, limits, () => {
        open.delete(res);
        res.end();
      });
    },
    close() {
      for (const res of open) res.end();
    },
  };
}

function stream(
  res: http.ServerResponse,
  { feed, fates }: StreamSources,
  limits: EventStreamLimits,
  end: () => void,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const idle = setTimeout(end, limits.idleMs);
  const send = (event: string, data: unknown) => {
    idle.refresh();
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send('snapshot', feed.previews());
  send('fates', fates.entries());
  const unsubscribeMessages = feed.subscribe((event) => {
    if (event.kind === 'message') send('message', event.preview);
    else send('snapshot', []);
  });
  const unsubscribeFates = fates.subscribe((event) => {
    if (event.kind === 'fate') send('fate', event.entry);
    else send('fates', []);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), limits.keepaliveMs);
  res.on('close', () => {
    clearTimeout(idle);
    clearInterval(keepalive);
    unsubscribeMessages();
    unsubscribeFates();
  });
}
