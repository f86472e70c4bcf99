import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ForbiddenAddressError, isForbiddenHost } from './forbidden-address';
import { createGuardedLookup } from './guarded-lookup';

export interface PostOptions {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Bytes of answer kept; the rest is read and dropped. Default 64 KB (a robot's answer). */
  maxAnswerBytes?: number;
}

export interface PostAnswer {
  status: number;
  text: string;
  headers: IncomingHttpHeaders;
}

/** One HTTP(S) POST of a string body; rejects on network errors and on abort, never on status. */
export type HttpPost = (url: string, body: string, options: PostOptions) => Promise<PostAnswer>;

const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

export interface KeepAliveHttpPostOptions {
  /** Resolves host names (default node:dns); its answers still pass the address guard. */
  lookup?: LookupFunction;
  /**
   * The CAs to trust instead of Node's bundled roots: only tests pass one, their own CA made at
   * test time. Certificates are always verified; there is deliberately no way to turn that off.
   */
  ca?: string | Buffer;
}

/**
 * POSTs over node:http(s) with kept-alive connections, so a warm container reuses its TLS
 * connections (to DingTalk, to SSM) instead of a handshake per request. Not the global fetch:
 * undici takes ~50 ms to load on a cold start and costs more per request (bench/results.json).
 *
 * It never connects to a link-local, metadata or unspecified address (issue 9 item 6): settings
 * refuse such webhooks by their text, and this refuses them after DNS, where a harmless-looking
 * name can lead. IP literals are checked here because node:net does not look them up. Loopback
 * stays reachable, for emulators. Neither DingTalk nor SSM ever lives on those addresses.
 */
export function createKeepAliveHttpPost(options: KeepAliveHttpPostOptions = {}): HttpPost {
  const lookup = createGuardedLookup(options.lookup);
  const agents = {
    http: new http.Agent({ keepAlive: true, lookup }),
    https: new https.Agent({
      keepAlive: true,
      lookup,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    }),
  };
  return (url, body, { headers, signal, maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES }) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:' && target.protocol !== 'http:') {
        reject(new TypeError(`unsupported protocol ${target.protocol}`));
        return;
      }
      if (isForbiddenHost(target.hostname)) {
        reject(new ForbiddenAddressError());
        return;
      }
      const secure = target.protocol === 'https:';
      const requestOptions = {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...headers, 'content-length': Buffer.byteLength(body, 'utf8') },
      };
      const request = (secure ? https : http).request(target, requestOptions, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < maxAnswerBytes) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          signal.removeEventListener('abort', abort);
          const text = Buffer.concat(chunks).toString('utf8').slice(0, maxAnswerBytes);
          resolve({ status: response.statusCode ?? 0, text, headers: response.headers });
        });
        response.on('error', fail);
      });
      // One listener instead of http.request's `signal` option, which costs more per request.
      function abort() {
        request.destroy(new DOMException('the request was aborted', 'AbortError'));
      }
      function fail(error: Error) {
        signal.removeEventListener('abort', abort);
        reject(error);
      }
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
      request.on('error', fail);
      request.end(body);
    });
}
