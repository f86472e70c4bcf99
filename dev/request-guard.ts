import type http from 'node:http';

/** Why a request is refused before any route sees it. */
export interface Refusal {
  status: 403 | 421;
  message: string;
}

/** The only names the playground answers to (and so the only ones that name its emulators). */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** `127.0.0.1:3000`, `localhost:3000`, `[::1]:3000`; also without the port when it is 80. */
export function allowedHosts(port: number): Set<string> {
  const hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  return new Set(port === 80 ? [...hosts, ...LOOPBACK_NAMES] : hosts);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The playground holds real secrets (settings.local.yml) and posts signed messages, so only
 * this machine's own pages and tools may use it:
 * - the Host must name the loopback address and port it listens on, so a DNS-rebound name
 *   (evil.example resolving to 127.0.0.1) cannot read the message history;
 * - a request a browser sends from another page (an `Origin` that is not this server, or
 *   `Sec-Fetch-Site: cross-site | same-site`) is refused whatever its method, so a page the
 *   developer visits can neither post samples to a real group nor hold event streams open.
 *   Following a link to the playground (a top-level GET navigation) stays possible.
 * Tools (`npm run send`, curl, the relay posting to the emulator) send no Origin and pass.
 */
export function refuseForeignRequest(req: http.IncomingMessage, port: number): Refusal | null {
  const hosts = allowedHosts(port);
  const host = header(req, 'host')?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    return {
      status: 421,
      message: `This playground answers only to http://127.0.0.1:${port}, http://localhost:${port} and http://[::1]:${port} (Host header refused).`,
    };
  }
  const origin = header(req, 'origin');
  const site = header(req, 'sec-fetch-site');
  const navigation = req.method === 'GET' && header(req, 'sec-fetch-mode') === 'navigate';
  const fromOtherPage =
    (origin !== undefined && !isOwnOrigin(origin, hosts)) ||
    ((site === 'cross-site' || site === 'same-site') && !navigation);
  if (!fromOtherPage) return null;
  return {
    status: 403,
    message: `Requests from another web page are refused: open http://127.0.0.1:${port}/ itself.`,
  };
}

function isOwnOrigin(origin: string, hosts: Set<string>): boolean {
  // "null" (sandboxed frames, file: pages) and anything unparsable are foreign.
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() && hosts.has(url.host);
}

export function sendRefusal(res: http.ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${refusal.message}\n`);
}
