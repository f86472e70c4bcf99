import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../lib/logger';
import { createSettingsFile } from './create-settings-file';
import { EXAMPLE_SETTINGS_PATH } from './local-paths';
import { routeRequest } from './local-routes';
import type { EventStreamLimits } from './playground-events';
import { createLocalRelay, type DeliveryMode } from './playground-relay';
import { sendJson } from './playground-routes';
import { refuseForeignRequest, sendRefusal } from './request-guard';

export type { DeliveryMode } from './playground-relay';

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
  /** Default queue: the embedded queue and pacing store, as a deployed stack runs. */
  deliveryMode?: DeliveryMode;
}

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** True when this start created the settings file from the example. */
  createdSettings: boolean;
  deliveryMode: DeliveryMode;
  close(): Promise<void>;
}

/**
 * The whole relay on one loopback port: the Lambda handlers behind API Gateway-shaped events
 * (in queue mode the deliver function's consumer too, fed by an embedded queue), the robot
 * emulators for the settings file's local robots, and the preview page.
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
  const deliveryMode = options.deliveryMode ?? 'queue';
  const relay = createLocalRelay({ ...options, deliveryMode }, url, port);
  const { routes } = relay;
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
    deliveryMode,
    async close() {
      await relay.close();
      await closeServer();
    },
  };
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
