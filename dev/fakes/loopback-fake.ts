/**
 * What the DingTalk, Feishu and WeCom fakes share: listening on 127.0.0.1 on a free port,
 * refusing a foreign Host (a DNS-rebound page must not reach them), reading a body without
 * holding more than a cap, a sliding-window rate count and reading JSON. Each fake keeps its
 * platform's answers.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { isLoopbackHostname } from '../../lib/platforms/infer-platform';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export async function listenOnLoopback(handle: Handler): Promise<LoopbackServer> {
  const server = http.createServer(handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake has no port');
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close() {
      if (server.listening) server.close();
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}

/** Whether a request's Host header names this machine (any port: the fake may be mounted). */
export function hasLoopbackHost(req: http.IncomingMessage): boolean {
  const host = req.headers.host;
  if (host === undefined || host === '') return false;
  try {
    return isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

export type BodyRead = { body: Buffer } | { tooLarge: true };

/**
 * Reads a request body, keeping at most `maxBytes`: a larger one is reported as soon as it
 * is known (a Content-Length or the chunk that crosses the cap) and the rest is discarded
 * unread by Node once the answer is sent.
 */
export function readCappedBody(
  req: http.IncomingMessage,
  maxBytes: number,
  done: (read: BodyRead) => void,
): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return done({ tooLarge: true });
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBytes) return void chunks.push(chunk);
    settled = true;
    chunks.length = 0;
    req.off('data', onData);
    req.resume();
    done({ tooLarge: true });
  };
  req.on('data', onData);
  req.on('end', () => {
    if (!settled) done({ body: Buffer.concat(chunks) });
  });
  req.on('error', () => req.destroy());
}

/**
 * Per key, when its counted requests arrived; `take` counts one more only if every window
 * (`{ ms, max }`: at most `max` in any `ms`) still has room.
 */
export function createRateWindows(windows: ReadonlyArray<{ ms: number; max: number }>) {
  const times = new Map<string, number[]>();
  const longest = Math.max(...windows.map((window) => window.ms));
  return {
    take(key: string, now: number): boolean {
      const recent = (times.get(key) ?? []).filter((at) => now - at < longest);
      times.set(key, recent);
      const full = windows.some(
        ({ ms, max }) => recent.filter((at) => now - at < ms).length >= max,
      );
      if (full) return false;
      recent.push(now);
      return true;
    },
    clear(): void {
      times.clear();
    },
  };
}

/** Reading a body that may or may not be a JSON object. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The parsed value, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What every platform's emulator offers besides its robots. */
export interface FakeEmulator<Message, Fault> {
  handle: Handler;
  /** Every request that named a known robot, accepted or not, newest last. */
  readonly messages: Message[];
  setFault(name: string, fault: Fault | null): void;
  /** Calls `listener` for each new message; returns the unsubscribe function. */
  onMessage(listener: (message: Message) => void): () => void;
  /** Forgets messages, faults and rate counts; keeps robots and listeners. */
  reset(): void;
}

export interface RunningFake<Emulator extends { readonly messages: unknown[] }> {
  /** The full webhook of a robot on 127.0.0.1; throws for a name the emulator does not know. */
  url(name: string): string;
  /** Every request that named a known robot, newest last (the same array as `emulator.messages`). */
  messages: Emulator['messages'];
  emulator: Emulator;
  close(): Promise<void>;
}

/** Serves `emulator` on 127.0.0.1 on a free port; `webhookPath` names a robot's path and query. */
export async function serveFake<Emulator extends { handle: Handler; readonly messages: unknown[] }>(
  emulator: Emulator,
  webhookPath: (name: string) => string,
): Promise<RunningFake<Emulator>> {
  const server = await listenOnLoopback((req, res) => emulator.handle(req, res));
  return {
    url: (name) => `${server.origin}${webhookPath(name)}`,
    messages: emulator.messages,
    emulator,
    close: () => server.close(),
  };
}

/** The robot called `name`; throws for one the emulator does not know (`noun`: "bot", "robot"). */
export function findNamed<T extends { name: string }>(
  items: readonly T[],
  name: string,
  noun: string,
): T {
  const found = items.find((item) => item.name === name);
  if (found === undefined) throw new Error(`no emulated ${noun} "${name}"`);
  return found;
}

/** Throws when two robots share a value of one of `fields` (`plural` names them in the error). */
export function checkUnique<T>(
  items: T[],
  fields: ReadonlyArray<keyof T & string>,
  plural: string,
): T[] {
  for (const field of fields) {
    const values = items.map((item) => item[field]);
    if (new Set(values).size !== values.length) {
      throw new Error(`two emulated ${plural} share a ${field}`);
    }
  }
  return items;
}

export interface MessageFeed<Message> {
  readonly messages: Message[];
  /** Keeps `message` and hands it to every listener. */
  add(message: Message): void;
  onMessage(listener: (message: Message) => void): () => void;
}

/** `label` names the emulator in the log line of a listener that throws. */
export function createMessageFeed<Message>(label: string): MessageFeed<Message> {
  const messages: Message[] = [];
  const listeners = new Set<(message: Message) => void>();
  return {
    messages,
    add(message) {
      messages.push(message);
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (error) {
          // A broken listener (a closed playground stream) must not stop the emulator.
          console.error(`${label} listener failed`, error);
        }
      }
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export interface FaultTable<Fault extends { times: number }> {
  /** The fault to answer with now, if any, counted off (forgotten after its last time). */
  take(name: string): Fault | undefined;
  /** Sets or (with null) clears a robot's fault; throws for a name `isKnown` denies. */
  set(name: string, fault: Fault | null): void;
  clear(): void;
}

/** `noun` names a robot in the error for an unknown one ("bot", "robot"). */
export function createFaultTable<Fault extends { times: number }>(
  isKnown: (name: string) => boolean,
  noun: string,
): FaultTable<Fault> {
  const faults = new Map<string, Fault>();
  return {
    take(name) {
      const fault = faults.get(name);
      if (fault !== undefined && --fault.times <= 0) faults.delete(name);
      return fault;
    },
    set(name, fault) {
      if (!isKnown(name)) throw new Error(`no emulated ${noun} "${name}"`);
      if (fault === null) faults.delete(name);
      else faults.set(name, { ...fault });
    },
    clear() {
      faults.clear();
    },
  };
}

/** Answers an injected HTTP fault the way a gateway would: an HTML page, no platform code. */
export function answerHttpFault(
  res: http.ServerResponse,
  status: number,
): { errcode: null; errmsg: string } {
  res.writeHead(status, { 'content-type': 'text/html' }).end(`<html>${status}</html>`);
  return { errcode: null, errmsg: `HTTP ${status} (injected)` };
}
