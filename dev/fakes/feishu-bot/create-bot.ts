import type http from 'node:http';
import { FEISHU_LIMITS } from '../../../lib/platforms/feishu/limits';
import { FEISHU_HOOK_PATH_PREFIX } from '../../../lib/platforms/infer-platform';
import type {
  EmulatedFeishuBot,
  FeishuBotEmulator,
  FeishuBotOptions,
  FeishuFault,
  FeishuReceivedMessage,
} from '../feishu-bot';
import {
  asRecord,
  createRateWindows,
  hasLoopbackHost,
  parseJson,
  readCappedBody,
} from '../loopback-fake';
import { ANSWERS, answerBody, type FeishuAnswer } from './answers';
import { checkFeishuMessage } from './check-body';

/** §1.7: the emulator refuses what Feishu calls more than 20 KB; our sender budgets 20,000. */
export const FEISHU_MAX_BODY_BYTES = 20_480;

type Entry = Omit<FeishuReceivedMessage, 'platform' | 'receivedAt'>;

/** The sign is a replayable credential for an hour (§1.3), so the feed never shows it. */
function masked(message: unknown, text: string): unknown {
  if (message === undefined) return text;
  const body = asRecord(message);
  return body !== null && 'sign' in body ? { ...body, sign: '<sign>' } : message;
}

function checkUnique(bots: EmulatedFeishuBot[]): EmulatedFeishuBot[] {
  for (const key of ['name', 'token'] as const) {
    const values = bots.map((bot) => bot[key]);
    if (new Set(values).size !== values.length) throw new Error(`two emulated bots share a ${key}`);
  }
  return bots;
}

function send(res: http.ServerResponse, reply: FeishuAnswer): void {
  res.writeHead(reply.httpStatus, { 'content-type': 'application/json; charset=utf-8' });
  res.end(answerBody(reply));
}

export function createFeishuBot(options: FeishuBotOptions): FeishuBotEmulator {
  let bots = checkUnique(options.bots);
  const now = options.now ?? Date.now;
  const messages: FeishuReceivedMessage[] = [];
  const faults = new Map<string, FeishuFault>();
  const listeners = new Set<(message: FeishuReceivedMessage) => void>();
  const rate = createRateWindows([
    { ms: 1000, max: FEISHU_LIMITS.rate.perSecond },
    { ms: 60_000, max: FEISHU_LIMITS.rate.perMinute },
  ]);

  function record(entry: Entry): void {
    const full: FeishuReceivedMessage = {
      platform: 'feishu',
      ...entry,
      receivedAt: new Date(now()).toISOString(),
    };
    messages.push(full);
    for (const listener of listeners) {
      try {
        listener(full);
      } catch (error) {
        // A broken listener (a closed playground stream) must not stop the emulator.
        console.error('feishu bot listener failed', error);
      }
    }
  }

  /** The checks in order; only an accepted message takes a rate slot. */
  function check(bot: EmulatedFeishuBot, message: unknown): FeishuAnswer {
    const refusal = checkFeishuMessage(bot, message, now());
    if (refusal !== null) return refusal;
    if (options.enforceRateLimit === false || rate.take(bot.name, now())) return ANSWERS.ok;
    return ANSWERS.tooMany;
  }

  function respond(bot: EmulatedFeishuBot, res: http.ServerResponse, body: Buffer): void {
    const text = body.toString('utf8');
    const message = parseJson(text);
    const msgtype = asRecord(message)?.msg_type;
    const base = {
      robot: bot.name,
      msgtype: typeof msgtype === 'string' ? msgtype : '',
      message: masked(message, text),
    };
    const fault = faults.get(bot.name);
    if (fault !== undefined && --fault.times <= 0) faults.delete(bot.name);
    if (fault?.kind === 'http') {
      res
        .writeHead(fault.status, { 'content-type': 'text/html' })
        .end(`<html>${fault.status}</html>`);
      return record({
        ...base,
        errcode: null,
        errmsg: `HTTP ${fault.status} (injected)`,
        httpStatus: fault.status,
      });
    }
    const reply =
      fault === undefined
        ? check(bot, message)
        : { httpStatus: fault.httpStatus ?? 200, code: fault.code, msg: fault.msg };
    send(res, reply);
    record({ ...base, errcode: reply.code, errmsg: reply.msg, httpStatus: reply.httpStatus });
  }

  return {
    messages,
    get bots() {
      return bots;
    },
    handle(req, res) {
      if (!hasLoopbackHost(req)) return void res.writeHead(403).end('forbidden host');
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!pathname.startsWith(FEISHU_HOOK_PATH_PREFIX) || req.method !== 'POST') {
        return void res.writeHead(404).end('not found');
      }
      const token = pathname.slice(FEISHU_HOOK_PATH_PREFIX.length);
      const bot = bots.find((candidate) => candidate.token === token);
      if (bot === undefined) return send(res, ANSWERS.unknownToken);
      readCappedBody(req, FEISHU_MAX_BODY_BYTES, (read) => {
        if ('body' in read) return respond(bot, res, read.body);
        send(res, ANSWERS.badRequest);
        const { code, msg, httpStatus } = ANSWERS.badRequest;
        const message = `<body over ${FEISHU_MAX_BODY_BYTES} bytes, not read>`;
        record({ robot: bot.name, msgtype: '', message, errcode: code, errmsg: msg, httpStatus });
      });
    },
    setBots(next) {
      bots = checkUnique(next);
    },
    setFault(botName, fault) {
      if (!bots.some((bot) => bot.name === botName))
        throw new Error(`no emulated bot "${botName}"`);
      if (fault === null) faults.delete(botName);
      else faults.set(botName, { ...fault });
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reset() {
      messages.length = 0;
      faults.clear();
      rate.clear();
    },
  };
}
