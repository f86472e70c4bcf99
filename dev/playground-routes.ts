import { readdir, readFile } from 'node:fs/promises';
import type http from 'node:http';
import { extname, join } from 'node:path';
import { listFixtureNames, UnknownFixtureError } from './fixture-files';
import type { DeliveryAnswer } from './gitee-delivery';
import { PLAYGROUND_ASSETS_DIR } from './local-paths';
import { DEFAULT_BURST_SIZE, MAX_BURST_SIZE, type BurstAnswer } from './playground-burst';
import type { EventStreams } from './playground-events';
import type { FateFeed } from './playground-fates';
import type { PlaygroundFeed } from './playground-feed';

export interface PlaygroundContext {
  feed: PlaygroundFeed;
  fates: FateFeed;
  events: EventStreams;
  fixturesDir: string;
  /** Signs a sample with the local Gitee secret and posts it to /webhooks/gitee. */
  sendSample(name: string): Promise<DeliveryAnswer>;
  /** Posts `count` new tag pushes at once (POST /playground/burst). */
  sendBurst(count: number): Promise<BurstAnswer>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The page runs only its own scripts and styles: even if a message's HTML ever carried a tag
 * past the escaping, no inline script, handler or style of it would run. Images may come from
 * anywhere, as markdown images do in the chat clients.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' https: http: data:; script-src 'self'; style-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

/** Files are read per request, so an edit of the page shows on reload without a restart. */
async function serveAsset(res: http.ServerResponse, file: string): Promise<void> {
  // Only a file that is in the folder: a request path can never name another file.
  const files = await readdir(PLAYGROUND_ASSETS_DIR);
  const type = CONTENT_TYPES[extname(file)];
  if (!files.includes(file) || type === undefined)
    return sendJson(res, 404, { error: 'not found' });
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...PAGE_HEADERS });
  res.end(await readFile(join(PLAYGROUND_ASSETS_DIR, file)));
}

async function sendSample(res: http.ServerResponse, ctx: PlaygroundContext, name: string) {
  try {
    sendJson(res, 200, await ctx.sendSample(name));
  } catch (error) {
    if (error instanceof UnknownFixtureError) {
      return sendJson(res, 404, { error: error.message, known: error.known });
    }
    // Local only: the settings problem (paths, never values) is what the person needs to see.
    sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** `?count=N`, 1 to MAX_BURST_SIZE; absent: DEFAULT_BURST_SIZE; anything else: null. */
export function burstCountOf(search: URLSearchParams): number | null {
  const raw = search.get('count');
  if (raw === null || raw === '') return DEFAULT_BURST_SIZE;
  const count = Number(raw);
  return Number.isInteger(count) && count >= 1 && count <= MAX_BURST_SIZE ? count : null;
}

async function sendBurst(
  res: http.ServerResponse,
  ctx: PlaygroundContext,
  search: URLSearchParams,
) {
  const count = burstCountOf(search);
  if (count === null) {
    return sendJson(res, 400, {
      error: `count must be a whole number from 1 to ${MAX_BURST_SIZE}`,
    });
  }
  try {
    sendJson(res, 200, await ctx.sendBurst(count));
  } catch (error) {
    sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** A malformed %-escape names no sample; it must not turn into a 500. */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The preview page and its API: GET /, /playground/<asset>, /playground/messages and
 * /playground/deliveries (contracts), /playground/previews, /playground/events,
 * /playground/fixtures; POST /playground/send/<name>, /playground/burst and /playground/clear.
 * Returns false for any other path.
 */
export async function handlePlayground(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: PlaygroundContext,
): Promise<boolean> {
  const { pathname, searchParams } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method ?? 'GET'} ${pathname}`;
  const sample = /^POST \/playground\/send\/([^/]+)$/.exec(route)?.[1];
  if (sample !== undefined) await sendSample(res, ctx, decodeName(sample));
  else if (route === 'GET /') await serveAsset(res, 'index.html');
  else if (route === 'GET /playground/messages') sendJson(res, 200, ctx.feed.messages());
  else if (route === 'GET /playground/deliveries') sendJson(res, 200, ctx.fates.deliveries());
  else if (route === 'GET /playground/previews') sendJson(res, 200, ctx.feed.previews());
  else if (route === 'POST /playground/burst') await sendBurst(res, ctx, searchParams);
  else if (route === 'GET /playground/events') ctx.events.serve(res);
  else if (route === 'GET /playground/fixtures') {
    sendJson(res, 200, await listFixtureNames(ctx.fixturesDir));
  } else if (route === 'POST /playground/clear') {
    ctx.feed.clear();
    ctx.fates.clear();
    sendJson(res, 200, { cleared: true });
  } else if (route.startsWith('GET /playground/')) {
    await serveAsset(res, pathname.slice('/playground/'.length));
  } else return false;
  return true;
}
