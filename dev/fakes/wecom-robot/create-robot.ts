import type http from 'node:http';
import { WECOM_SEND_PATH } from '../../../lib/platforms/infer-platform';
import { WECOM_LIMITS } from '../../../lib/platforms/wecom/limits';
import type {
  EmulatedWecomRobot,
  WecomFault,
  WecomReceivedMessage,
  WecomRobotEmulator,
  WecomRobotOptions,
} from '../wecom-robot';
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
import { ANSWERS, OK, type Caller, type WecomAnswer } from './answers';
import { checkWecomMessage } from './check-body';

/**
 * WeCom documents no body cap, only content limits of at most 4 KB (§2.5); the emulator stops
 * reading at 64 KiB so a runaway sender cannot make it hold any size.
 */
export const WECOM_MAX_BODY_BYTES = 64 * 1024;

type Entry = Omit<WecomReceivedMessage, 'platform' | 'receivedAt' | 'httpStatus'>;

function send(res: http.ServerResponse, answer: WecomAnswer): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(answer));
}

export function createWecomRobot(options: WecomRobotOptions): WecomRobotEmulator {
  let robots = checkUnique(options.robots, ['name', 'key'], 'robots');
  const now = options.now ?? Date.now;
  const feed = createMessageFeed<WecomReceivedMessage>('wecom robot');
  const faults = createFaultTable<WecomFault>(
    (robotName) => robots.some((robot) => robot.name === robotName),
    'robot',
  );
  const rate = createRateWindows([{ ms: 60_000, max: WECOM_LIMITS.rate.perMinute }]);

  function record(entry: Entry, httpStatus = 200): void {
    const full: WecomReceivedMessage = {
      platform: 'wecom',
      ...entry,
      httpStatus,
      receivedAt: new Date(now()).toISOString(),
    };
    feed.add(full);
  }

  /** Shape and size first, then the rate: only an accepted message takes a slot (§2.6). */
  function check(robot: EmulatedWecomRobot, message: unknown, caller: Caller): WecomAnswer {
    const refusal = checkWecomMessage(message, caller);
    if (refusal !== null) return refusal;
    if (options.enforceRateLimit === false || rate.take(robot.name, caller.nowMs)) return OK;
    return ANSWERS.tooFast(caller);
  }

  function respond(
    robot: EmulatedWecomRobot,
    res: http.ServerResponse,
    body: Buffer,
    caller: Caller,
  ) {
    const text = body.toString('utf8');
    const message = parseJson(text);
    const msgtype = asRecord(message)?.msgtype;
    const base = {
      robot: robot.name,
      msgtype: typeof msgtype === 'string' ? msgtype : '',
      message: message === undefined ? text : message,
    };
    const fault = faults.take(robot.name);
    if (fault?.kind === 'http') {
      return record({ ...base, ...answerHttpFault(res, fault.status) }, fault.status);
    }
    const answer =
      fault === undefined
        ? check(robot, message, caller)
        : { errcode: fault.errcode, errmsg: fault.errmsg };
    send(res, answer);
    record({ ...base, ...answer });
  }

  return {
    messages: feed.messages,
    get robots() {
      return robots;
    },
    handle(req, res) {
      if (!hasLoopbackHost(req)) return void res.writeHead(403).end('forbidden host');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== WECOM_SEND_PATH || req.method !== 'POST') {
        return void res.writeHead(404).end('not found');
      }
      const caller: Caller = { nowMs: now(), ip: req.socket.remoteAddress ?? '' };
      const key = url.searchParams.get('key');
      const robot = robots.find((candidate) => candidate.key === key);
      if (robot === undefined) return send(res, ANSWERS.invalidUrl(caller));
      readCappedBody(req, WECOM_MAX_BODY_BYTES, (read) => {
        if ('body' in read) return respond(robot, res, read.body, caller);
        const answer = ANSWERS.tooLong('request body', WECOM_MAX_BODY_BYTES, caller);
        send(res, answer);
        const message = `<body over ${WECOM_MAX_BODY_BYTES} bytes, not read>`;
        record({ robot: robot.name, msgtype: '', message, ...answer });
      });
    },
    setRobots(next) {
      robots = checkUnique(next, ['name', 'key'], 'robots');
    },
    setFault: (robotName, fault) => faults.set(robotName, fault),
    onMessage: (listener) => feed.onMessage(listener),
    reset() {
      feed.messages.length = 0;
      faults.clear();
      rate.clear();
    },
  };
}
