import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createKeepAliveHttpPost } from '../lib/http/keep-alive-post';
import type { JsonResponse } from '../lib/http/json-response';
import { createJsonLogger, type Logger } from '../lib/logger';
import { createRelay } from '../lib/relay';
import { createKeepAlivePost } from '../lib/send/direct';
import { readFixture } from './fixture-files';
import { EVENT_KEYS_HEADER, postDelivery, signDelivery } from './gitee-delivery';
import type { LocalRoutes } from './local-routes';
import { createFileSettingsSource } from './local-settings';
import { sendBurst } from './playground-burst';
import { startEmbeddedDelivery } from './playground-delivery';
import { createRequestTracker, type RequestTracker } from './playground-enqueued';
import {
  createEventStreams,
  DEFAULT_EVENT_STREAM_LIMITS,
  type EventStreamLimits,
} from './playground-events';
import { createPlaygroundEmulators } from './playground-emulators';
import { createFateFeed } from './playground-fates';
import { createPlaygroundFeed } from './playground-feed';
import { giteeSecretOf } from './send-payload';

/** Queue: the embedded queue, pacing store and consumer (the default). Direct: as the Lambda's. */
export type DeliveryMode = 'queue' | 'direct';

export interface LocalRelayOptions {
  settingsPath: string;
  fixturesDir: string;
  deliveryMode: DeliveryMode;
  logger?: Logger;
  eventStreams?: Partial<EventStreamLimits>;
}

export interface LocalRelay {
  routes: LocalRoutes;
  close(): Promise<void>;
}

/**
 * The production wiring (lib/relay.ts), with the settings file in place of SSM and, in queue
 * mode, in-memory stand-ins for SQS and DynamoDB driven by the same consumer code. Around it,
 * the playground: the emulators, the message feed, the fate of every queued event.
 */
export function createLocalRelay(
  options: LocalRelayOptions,
  url: string,
  port: number,
): LocalRelay {
  const now = () => Date.now();
  const logger = options.logger ?? createJsonLogger();
  const settings = createFileSettingsSource(options.settingsPath, now, port);
  const emulator = createPlaygroundEmulators({ now });
  const fates = createFateFeed(now);
  const tracker = createRequestTracker();
  // One kept-alive transport for the webhook's pings and direct sends and the consumer's.
  const httpPost = createKeepAliveHttpPost();
  const embedded =
    options.deliveryMode === 'queue'
      ? startEmbeddedDelivery({
          settings,
          post: createKeepAlivePost(httpPost),
          now,
          logger,
          fates,
          tracker,
        })
      : null;
  const relay = createRelay({
    settings,
    now,
    logger,
    version: 'local',
    httpPost,
    delivery: embedded?.relay ?? { mode: 'direct' },
  });
  const webhook = withEventKeys(relay.webhook, tracker);
  const feed = createPlaygroundFeed(emulator);
  const events = createEventStreams(
    { feed, fates },
    { ...DEFAULT_EVENT_STREAM_LIMITS, ...options.eventStreams },
  );
  const webhookUrl = `${url}/webhooks/gitee`;
  const secret = async () => giteeSecretOf(await settings.get());
  let bursts = 0;
  const playground = {
    feed,
    fates,
    events,
    fixturesDir: options.fixturesDir,
    async sendSample(name: string) {
      const payload = await readFixture(options.fixturesDir, name);
      return postDelivery(webhookUrl, signDelivery(payload.text, await secret(), now()));
    },
    async sendBurst(count: number) {
      const run = ++bursts;
      const key = await secret();
      return sendBurst({
        webhookUrl,
        fixturesDir: options.fixturesDir,
        secret: key,
        count,
        run,
        now,
      });
    },
  };
  return {
    routes: {
      webhook,
      health: relay.health,
      emulator,
      settings,
      port,
      playground,
      editor: { settingsPath: options.settingsPath, port, fixturesDir: options.fixturesDir, now },
    },
    async close() {
      // The consumer first: its last sends still reach the emulators on the open server.
      await embedded?.stop();
      events.close();
      feed.close();
      fates.close();
    },
  };
}

/** The webhook's answer, plus the playground's header naming the events it queued. */
function withEventKeys(
  webhook: (event: APIGatewayProxyEventV2) => Promise<JsonResponse>,
  tracker: RequestTracker,
): (event: APIGatewayProxyEventV2) => Promise<JsonResponse> {
  return async (event) => {
    const { result, keys } = await tracker.track(() => webhook(event));
    if (keys.length === 0) return result;
    return { ...result, headers: { ...result.headers, [EVENT_KEYS_HEADER]: keys.join(',') } };
  };
}
