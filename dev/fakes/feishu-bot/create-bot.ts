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
  answerHttpFault,
  asRecord,
  checkUnique,
  createFaultTable,
  createMessageFeed,
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

function send(res: http.ServerResponse, reply: FeishuAnswer): void {
  res.writeHead(reply.httpStatus, { 'content-type': 'application/json; charset=utf-8' });
  res.end(answerBody(reply));
}

export function createFeishuBot(options: FeishuBotOptions): FeishuBotEmulator {
  let bots = checkUnique(options.bots, ['name', 'token'], 'bots');
  const now = options.now ?? Date.now;
  const feed = createMessageFeed<FeishuReceivedMessage>('feishu bot');
  const faults = createFaultTable<FeishuFault>(
    (botName) => bots.some((bot) => bot.name === botName),
    'bot',
  );
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
    feed.add(full);
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
    const fault = faults.take(bot.name);
    if (fault?.kind === 'http') {
      const answer = answerHttpFault(res, fault.status);
      return record({ ...base, ...answer, httpStatus: fault.status });
    }
    const reply =
      fault === undefined
        ? check(bot, message)
        : { httpStatus: fault.httpStatus ?? 200, code: fault.code, msg: fault.msg };
    send(res, reply);
    record({ ...base, errcode: reply.code, errmsg: reply.msg, httpStatus: reply.httpStatus });
  }

  return {
    messages: feed.messages,
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
      bots = checkUnique(next, ['name', 'token'], 'bots');
    },
    setFault: (botName, fault) => faults.set(botName, fault),
    onMessage: (listener) => feed.onMessage(listener),
    reset() {
      feed.messages.length = 0;
      faults.clear();
      rate.clear();
    },
  };
}
