/**
 * A DingTalk custom-robot emulator for tests and the local playground: it answers like
 * POST https://oapi.dingtalk.com/robot/send, with the checks in the real order and the real
 * errcodes (HTTP 200 + JSON). Source: ../shared/docs/dingtalk-robot-api.md §1–§6.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { safeEqual, signTimestamp } from '../lib/crypto/hmac';

export interface EmulatedRobot {
  name: string;
  accessToken: string;
  /** The SEC… secret; when set, requests must be signed (§2). */
  secret?: string;
  /** Custom keywords; when set, the message must contain one (§3). */
  keywords?: string[];
}

export interface RobotEmulatorOptions {
  robots: EmulatedRobot[];
  now?: () => number;
  /**
   * Default true: over 20 accepted messages a minute a robot answers 130101, as DingTalk does
   * (§6). Benchmarks that send thousands of messages pass false.
   */
  enforceRateLimit?: boolean;
}

export type RobotFault =
  | { kind: 'hang' }
  | { kind: 'errcode'; errcode: number; errmsg: string; times: number }
  | { kind: 'http'; status: number; times: number };

export interface ReceivedMessage {
  robot: string;
  /** '' when the body had no msgtype. */
  msgtype: string;
  /** The parsed body, or the raw text when it was not JSON. */
  message: unknown;
  /** null when the answer was not a DingTalk result (an injected HTTP fault or hang). */
  errcode: number | null;
  errmsg: string;
  /** null while the request hangs. */
  httpStatus: number | null;
  receivedAt: string;
}

export interface RobotEmulator {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Every request that named a known robot, accepted or not, newest last. */
  readonly received: ReceivedMessage[];
  setFault(robotName: string, fault: RobotFault | null): void;
  /** Replaces the robots (the playground re-reads its settings file); keeps received messages. */
  setRobots(robots: EmulatedRobot[]): void;
  /** Calls `listener` for each new received message; returns the unsubscribe function. */
  onMessage(listener: (message: ReceivedMessage) => void): () => void;
  /** Forgets messages, faults and rate counts and drops hanging requests; keeps listeners. */
  reset(): void;
}

export interface RunningRobotEmulator {
  /** The full webhook URL of a robot, on 127.0.0.1. */
  url(robotName: string): string;
  emulator: RobotEmulator;
  close(): Promise<void>;
}

interface Answer {
  errcode: number;
  errmsg: string;
}

// Wordings observed in real answers (§1, §4); the signature and keyword ones are the 2023+ style.
const ANSWERS = {
  notPost: { errcode: 43002, errmsg: '需要POST请求' },
  noToken: { errcode: 40035, errmsg: '缺少参数 access_token' },
  unknownToken: { errcode: 300005, errmsg: 'token is not exist' },
  noMsgtype: { errcode: 300001, errmsg: 'message param msgtype is null' },
  unsupported: { errcode: 400105, errmsg: '不支持的消息类型' },
  badSign: {
    errcode: 310000,
    errmsg:
      'description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中，并确认机器人的密钥正确;',
  },
  staleTimestamp: { errcode: 310000, errmsg: 'invalid timestamp' },
  tooLong: {
    errcode: 460101,
    errmsg: 'description: body 大小不合法;solution:请保持大小在 20000bytes 以内;',
  },
  noKeyword: {
    errcode: 310000,
    errmsg:
      '错误描述:关键词不匹配;解决方案:请联系群管理员查看此机器人的关键词，并在发送的信息中包含此关键词;',
  },
  tooFast: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
  ok: { errcode: 0, errmsg: 'ok' },
} satisfies Record<string, Answer>;

const MAX_BODY_BYTES = 20_000; // §6
const TIMESTAMP_WINDOW_MS = 60 * 60 * 1000; // §2: within one hour of DingTalk's clock
const RATE_WINDOW_MS = 60 * 1000; // §6: 20 messages per minute per robot
const RATE_LIMIT = 20;

/**
 * Required fields per webhook msgtype (§5). Keywords are searched in the shown text: every
 * field but a URL, and the titles of a feedCard's links.
 */
const FIELDS: Record<string, string[]> = {
  text: ['content'],
  markdown: ['title', 'text'],
  actionCard: ['title', 'text'],
  link: ['title', 'text', 'messageUrl'],
  feedCard: ['links'],
};

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The text DingTalk would show (for the keyword check), or the answer refusing the body. */
function readMessage(message: unknown): { visibleText: string } | Answer {
  const msgtype = asRecord(message)?.msgtype;
  if (typeof msgtype !== 'string' || msgtype === '') return ANSWERS.noMsgtype;
  const fields = FIELDS[msgtype];
  if (fields === undefined) return ANSWERS.unsupported;
  const content = asRecord(asRecord(message)?.[msgtype]);
  const visible: string[] = [];
  for (const field of fields) {
    const value = content?.[field];
    const present = Array.isArray(value) ? value.length > 0 : typeof value === 'string';
    if (!present || value === '') {
      // Observed as 400403 (jenkinsci/dingtalk-plugin #369) and 300001 (go-gitea/gitea #4382).
      return {
        errcode: 400403,
        errmsg: `错误描述:参数 ${msgtype} --》 ${field} 缺失，或者参数格式不正确;`,
      };
    }
    if (typeof value === 'string' && !field.endsWith('Url')) visible.push(value);
    if (Array.isArray(value))
      visible.push(...(value as unknown[]).map((link) => String(asRecord(link)?.title)));
  }
  return { visibleText: visible.join('\n') };
}

function checkSignature(robot: EmulatedRobot, query: URLSearchParams, now: number): Answer | null {
  if (robot.secret === undefined || robot.secret === '') return null;
  const timestamp = query.get('timestamp');
  const sign = query.get('sign'); // URLSearchParams has already URL-decoded it once
  if (timestamp === null || sign === null) return ANSWERS.badSign;
  if (!safeEqual(sign, signTimestamp(timestamp, robot.secret))) return ANSWERS.badSign;
  const ms = Number(timestamp);
  return Number.isFinite(ms) && Math.abs(now - ms) <= TIMESTAMP_WINDOW_MS
    ? null
    : ANSWERS.staleTimestamp;
}

function findRobot(robots: EmulatedRobot[], name: string): EmulatedRobot {
  const robot = robots.find((candidate) => candidate.name === name);
  if (robot === undefined) throw new Error(`no emulated robot named "${name}"`);
  return robot;
}

interface EmulatorState {
  robots: EmulatedRobot[];
  now: () => number;
  received: ReceivedMessage[];
  faults: Map<string, RobotFault>;
  /** Per robot, when its accepted messages arrived: the rate window (§6). */
  acceptedAt: Map<string, number[]>;
  enforceRateLimit: boolean;
  listeners: Set<(message: ReceivedMessage) => void>;
  hanging: Set<http.ServerResponse>;
}

function takeFault(state: EmulatorState, robot: string): RobotFault | undefined {
  const fault = state.faults.get(robot);
  if (fault !== undefined && fault.kind !== 'hang' && --fault.times <= 0) {
    state.faults.delete(robot);
  }
  return fault;
}

/** Counts an accepted message, or says the robot is over 20 per minute (§6). */
function takeRateSlot(state: EmulatorState, robot: string, time: number): boolean {
  const recent = (state.acceptedAt.get(robot) ?? []).filter((t) => time - t < RATE_WINDOW_MS);
  state.acceptedAt.set(robot, recent);
  if (recent.length >= RATE_LIMIT) return false;
  recent.push(time);
  return true;
}

/** The checks after the token, in DingTalk's order (§1–§6). */
function check(
  state: EmulatorState,
  robot: EmulatedRobot,
  request: { query: URLSearchParams; message: unknown; bytes: number },
): Answer {
  const read = readMessage(request.message);
  if ('errcode' in read) return read;
  const time = state.now();
  const signing = checkSignature(robot, request.query, time);
  if (signing !== null) return signing;
  if (request.bytes > MAX_BODY_BYTES) return ANSWERS.tooLong;
  const { keywords = [] } = robot;
  if (keywords.length > 0 && !keywords.some((word) => read.visibleText.includes(word))) {
    return ANSWERS.noKeyword;
  }
  if (!state.enforceRateLimit) return ANSWERS.ok;
  return takeRateSlot(state, robot.name, time) ? ANSWERS.ok : ANSWERS.tooFast;
}

function recordMessage(
  state: EmulatorState,
  request: Omit<ReceivedMessage, 'msgtype' | 'receivedAt'> & { text: string },
): void {
  const { text, message, ...outcome } = request;
  const msgtype = asRecord(message)?.msgtype;
  const entry: ReceivedMessage = {
    ...outcome,
    msgtype: typeof msgtype === 'string' ? msgtype : '',
    message: message === undefined ? text : message,
    receivedAt: new Date(state.now()).toISOString(),
  };
  state.received.push(entry);
  for (const listener of state.listeners) {
    try {
      listener(entry);
    } catch (error) {
      // A broken listener (say, a closed playground stream) must not stop the emulator.
      console.error('robot emulator listener failed', error);
    }
  }
}

function sendJson(res: http.ServerResponse, answer: Answer): void {
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify({ errcode: answer.errcode, errmsg: answer.errmsg }));
}

/** The robot a request names, or the answer refusing it before any robot is known (§1). */
function identify(
  state: EmulatorState,
  req: http.IncomingMessage,
  url: URL,
): EmulatedRobot | Answer {
  if (req.method !== 'POST') return ANSWERS.notPost;
  const token = url.searchParams.get('access_token');
  if (token === null || token === '') return ANSWERS.noToken;
  const robot = state.robots.find((candidate) => candidate.accessToken === token);
  return robot ?? ANSWERS.unknownToken;
}

function respond(
  state: EmulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/robot/send') return void res.writeHead(404).end('not found');
  const robot = identify(state, req, url);
  if ('errcode' in robot) return sendJson(res, robot);
  const text = body.toString('utf8');
  const message = parseJson(text);
  const record = (errcode: number | null, errmsg: string, httpStatus: number | null) =>
    recordMessage(state, { robot: robot.name, message, text, errcode, errmsg, httpStatus });
  const fault = takeFault(state, robot.name);
  if (fault?.kind === 'hang') {
    state.hanging.add(res);
    res.on('close', () => state.hanging.delete(res));
    return record(null, 'no answer (injected hang)', null);
  }
  if (fault?.kind === 'http') {
    res
      .writeHead(fault.status, { 'content-type': 'text/html' })
      .end(`<html>${fault.status}</html>`);
    return record(null, `HTTP ${fault.status} (injected fault)`, fault.status);
  }
  const answer =
    fault ?? check(state, robot, { query: url.searchParams, message, bytes: body.length });
  sendJson(res, answer);
  record(answer.errcode, answer.errmsg, 200);
}

function checkUnique(robots: EmulatedRobot[]): void {
  for (const key of ['name', 'accessToken'] as const) {
    const values = robots.map((robot) => robot[key]);
    const repeated = values.find((value, index) => values.indexOf(value) !== index);
    if (repeated !== undefined) throw new Error(`two emulated robots share a ${key}`);
  }
}

export function createRobotEmulator(options: RobotEmulatorOptions): RobotEmulator {
  checkUnique(options.robots);
  const state: EmulatorState = {
    robots: options.robots,
    now: options.now ?? Date.now,
    received: [],
    faults: new Map(),
    acceptedAt: new Map(),
    enforceRateLimit: options.enforceRateLimit ?? true,
    listeners: new Set(),
    hanging: new Set(),
  };
  return {
    received: state.received,
    handle(req, res) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => respond(state, req, res, Buffer.concat(chunks)));
      req.on('error', () => res.destroy());
    },
    setFault(robotName, fault) {
      findRobot(state.robots, robotName);
      if (fault === null) state.faults.delete(robotName);
      else state.faults.set(robotName, { ...fault });
    },
    setRobots(robots) {
      checkUnique(robots);
      state.robots = robots;
    },
    onMessage(listener) {
      state.listeners.add(listener);
      return () => void state.listeners.delete(listener);
    },
    reset() {
      state.received.length = 0;
      state.faults.clear();
      state.acceptedAt.clear();
      for (const res of state.hanging) res.destroy();
      state.hanging.clear();
    },
  };
}

/** Serves an emulator on 127.0.0.1 on a free port; close() also drops hanging connections. */
export async function startRobotEmulator(
  options: RobotEmulatorOptions,
): Promise<RunningRobotEmulator> {
  const emulator = createRobotEmulator(options);
  const server = http.createServer((req, res) => emulator.handle(req, res));
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
  if (address === null || typeof address === 'string') throw new Error('emulator has no port');
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    emulator,
    url(robotName) {
      const token = encodeURIComponent(findRobot(options.robots, robotName).accessToken);
      return `http://127.0.0.1:${address.port}/robot/send?access_token=${token}`;
    },
    close() {
      if (server.listening) server.close();
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}
