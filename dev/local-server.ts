import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createJsonLogger, type Logger } from '../lib/logger';
import { createRelay } from '../lib/relay';
import { createSettingsFile } from './create-settings-file';
import { readFixture } from './fixture-files';
import { postDelivery, signDelivery } from './gitee-delivery';
import { EXAMPLE_SETTINGS_PATH } from './local-paths';
import { routeRequest, type LocalRoutes } from './local-routes';
import { createFileSettingsSource } from './local-settings';
import {
  createEventStreams,
  DEFAULT_EVENT_STREAM_LIMITS,
  type EventStreamLimits,
} from './playground-events';
import { createPlaygroundEmulators } from './playground-emulators';
import { createPlaygroundFeed } from './playground-feed';
import { sendJson } from './playground-routes';
import { refuseForeignRequest, sendRefusal } from './request-guard';
import { giteeSecretOf } from './send-payload';

export interface LocalServerOptions {
  /** 0 picks a free port. */
  port: number;
  settingsPath: string;
  fixturesDir: string;
  /** Copied to settingsPath on first start; default settings.example.yml. */
  examplePath?: string;
  /** The handlers' one JSON line per request; default stdout, as in Lambda. */
  logger?: Logger;
  /** The page's live streams; tests pass small durations. */
  eventStreams?: Partial<EventStreamLimits>;
}

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** True when this start created the settings file from the example. */
  createdSettings: boolean;
  close(): Promise<void>;
}

/**
 * The whole relay on one loopback port: the Lambda handlers behind API Gateway-shaped events,
 * the DingTalk robot emulator for the settings file's local robots, and the preview page.
 * Only this machine's own tools and pages are served (see request-guard.ts).
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const server = http.createServer();
  const closeServer = trackSockets(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const examplePath = options.examplePath ?? EXAMPLE_SETTINGS_PATH;
  const createdSettings = await createSettingsFile({ ...options, examplePath }).catch(
    async (error: unknown) => {
      await closeServer();
      throw error;
    },
  );
  const routes = createLocalRelay(options, url, port);
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const refusal = refuseForeignRequest(req, port);
    if (refusal !== null) return sendRefusal(res, refusal);
    routeRequest(req, res, routes).catch((error: unknown) => {
      console.error('playground: request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  return {
    url,
    port,
    createdSettings,
    async close() {
      routes.playground.events.close();
      routes.playground.feed.close();
      await closeServer();
    },
  };
}

/** The production wiring (lib/production.ts), with the settings file in place of SSM. */
function createLocalRelay(options: LocalServerOptions, url: string, port: number): LocalRoutes {
  const now = () => Date.now();
  const logger = options.logger ?? createJsonLogger();
  const settings = createFileSettingsSource(options.settingsPath, now, port);
  const emulator = createPlaygroundEmulators({ now });
  // createRelay with production's defaults, so the playground behaves as the Lambda does.
  const { webhook, health } = createRelay({ settings, now, logger, version: 'local' });
  async function sendSample(name: string) {
    const payload = await readFixture(options.fixturesDir, name);
    const secret = giteeSecretOf(await settings.get());
    return postDelivery(`${url}/webhooks/gitee`, signDelivery(payload.text, secret, now()));
  }
  const feed = createPlaygroundFeed(emulator);
  const events = createEventStreams(feed, {
    ...DEFAULT_EVENT_STREAM_LIMITS,
    ...options.eventStreams,
  });
  const playground = { feed, events, fixturesDir: options.fixturesDir, sendSample };
  return { webhook, health, emulator, settings, port, playground };
}

/** close() must not wait for open event streams or keep-alive connections. */
function trackSockets(server: http.Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
}
