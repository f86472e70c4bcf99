import type http from 'node:http';
import type { Answer } from './answers';
import { checkPenalty, checkRequest, identifyRobot } from './check-request';
import { takeFault, type EmulatorState } from './emulator-state';
import { parseJson } from '../fakes/loopback-fake';
import type { CappedBody } from './read-capped-body';
import { recordMessage } from './record-message';

function sendJson(res: http.ServerResponse, answer: Answer): void {
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify({ errcode: answer.errcode, errmsg: answer.errmsg }));
}

/** Answers one request: an injected fault if the robot has one, else the checks. */
export function respond(
  state: EmulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: CappedBody,
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/robot/send') return void res.writeHead(404).end('not found');
  const robot = identifyRobot(state, req, url);
  if ('errcode' in robot) return sendJson(res, robot);
  const text = body.bytes.toString('utf8');
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
    fault ??
    checkPenalty(state, robot) ??
    checkRequest(state, robot, {
      query: url.searchParams,
      message,
      bytes: body.bytes.length,
      complete: body.complete,
    });
  sendJson(res, answer);
  record(answer.errcode, answer.errmsg, 200);
}
