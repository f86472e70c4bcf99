import type http from 'node:http';
import type { JsonResponse } from '../lib/http/json-response';
import type { SettingsSource } from '../lib/settings/source';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readBody, toApiGatewayEvent, writeLambdaAnswer } from './api-gateway-event';
import { emulatedRobotsFrom } from './emulated-robots';
import { handleEditor, type EditorContext } from './playground-editor';
import type { PlaygroundEmulators } from './playground-emulators';
import { handlePlayground, sendJson, type PlaygroundContext } from './playground-routes';

/** Everything one port serves. */
export interface LocalRoutes {
  webhook: (event: APIGatewayProxyEventV2) => Promise<JsonResponse>;
  health: () => Promise<JsonResponse>;
  /** The DingTalk, Feishu and WeCom emulators, each at its platform's real path. */
  emulator: PlaygroundEmulators;
  settings: SettingsSource;
  port: number;
  playground: PlaygroundContext;
  /** The preview page's template editor (GET/POST /playground/editor…); absent: not served. */
  editor?: EditorContext;
}

/** API Gateway's own payload limit; the handler applies the relay's smaller one. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/**
 * The Lambda routes as API Gateway serves them (POST /webhooks/gitee, GET /health), the robot
 * emulators at the paths their platforms serve (/robot/send as oapi.dingtalk.com,
 * /open-apis/bot/v2/hook/<token> as open.feishu.cn, /cgi-bin/webhook/send as
 * qyapi.weixin.qq.com), and the playground.
 */
export async function routeRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  routes: LocalRoutes,
): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (routes.emulator.platformOf(pathname) !== null) {
    await syncRobots(routes);
    return routes.emulator.handle(req, res);
  }
  if (req.method === 'POST' && pathname === '/webhooks/gitee') {
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === null) return sendJson(res, 413, { error: 'request body too large' });
    return writeLambdaAnswer(res, await routes.webhook(toApiGatewayEvent(req, body, Date.now())));
  }
  if (req.method === 'GET' && pathname === '/health') {
    return writeLambdaAnswer(res, await routes.health());
  }
  if (routes.editor && (await handleEditor(req, res, routes.editor))) return;
  if (await handlePlayground(req, res, routes.playground)) return;
  sendJson(res, 404, { error: `no route ${req.method} ${pathname}` });
}

/** The emulated robots follow the settings file; while it is invalid the last ones stay. */
async function syncRobots(routes: LocalRoutes): Promise<void> {
  try {
    routes.emulator.setRobots(emulatedRobotsFrom(await routes.settings.get(), routes.port));
  } catch {
    // The webhook handler's own answer already says "settings unavailable".
  }
}
