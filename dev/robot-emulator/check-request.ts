import type http from 'node:http';
import { safeEqual, signTimestamp } from '../../lib/crypto/hmac';
import { ANSWERS, type Answer } from './answers';
import type { EmulatorState } from './emulator-state';
import { takeRateSlot } from './rate-window';
import { readMessage } from './read-message';
import type { EmulatedRobot } from './types';

const MAX_BODY_BYTES = 20_000; // §6
const TIMESTAMP_WINDOW_MS = 60 * 60 * 1000; // §2: within one hour of DingTalk's clock

/** The robot a request names, or the answer refusing it before any robot is known (§1). */
export function identifyRobot(
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

/**
 * The checks after the token, in DingTalk's order (§1–§6). A body cut short at the read limit
 * (`complete: false`) cannot be parsed; its signature is still checked before its size.
 */
export function checkRequest(
  state: EmulatorState,
  robot: EmulatedRobot,
  request: { query: URLSearchParams; message: unknown; bytes: number; complete: boolean },
): Answer {
  if (!request.complete) {
    return checkSignature(robot, request.query, state.now()) ?? ANSWERS.tooLong;
  }
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
  if (!state.enforceRateLimit || takeRateSlot(state.acceptedAt, robot.name, time)) {
    return ANSWERS.ok;
  }
  if (state.penaltyMs > 0) state.penalties.set(robot.name, time + state.penaltyMs);
  return ANSWERS.tooFast;
}

/** A robot in its penalty answers 130101 to everything, before any other check (§6). */
export function checkPenalty(state: EmulatorState, robot: EmulatedRobot): Answer | null {
  const until = state.penalties.get(robot.name);
  return until !== undefined && until > state.now() ? ANSWERS.tooFast : null;
}
