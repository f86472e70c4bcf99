import { createHealthHandler } from './health-handler';
import { createKeepAliveHttpPost, type HttpPost } from './http/keep-alive-post';
import type { Logger } from './logger';
import { PLATFORMS, type Platforms } from './platforms';
import { createDuplicateSuppressor } from './routing/duplicate-suppressor';
import { createMemoryReplayStore } from './routing/replay-memory';
import type { ReplayStore } from './routing/replay-store';
import { createDirectDeliverer, createKeepAlivePost } from './send/direct';
import { withRobotThrottle, type RateLimitsFor } from './send/throttle';
import type { SettingsSource } from './settings/source';
import { createWebhookHandler, type WebhookLimits } from './webhook-handler';

/** Production's limits; the environment may override them (lib/production.ts). */
export const DEFAULT_LIMITS: WebhookLimits = {
  maxBodyBytes: 1024 * 1024,
  timestampWindowMs: 3_600_000,
  deliveryBudgetMs: 4000,
};

export interface RelayDeps {
  settings: SettingsSource;
  now: () => number;
  logger: Logger;
  /** Shown by /health. */
  version: string;
  /**
   * How robot messages are POSTed: kept-alive node:http(s), shared with whatever else this
   * container POSTs (SSM). Default: a transport of its own.
   */
  httpPost?: HttpPost;
  limits?: Partial<WebhookLimits>;
  platforms?: Platforms;
  /** The pace kept per robot; default each platform's own limits. */
  rateLimits?: RateLimitsFor;
  /** Per-robot attempts and the wait for each answer (see createDirectDeliverer). */
  attempts?: { attemptTimeoutMs?: number; maxAttempts?: number };
  /** One delivery per Gitee credential; default this container's memory. */
  replays?: ReplayStore;
}

export interface Relay {
  webhook: ReturnType<typeof createWebhookHandler>;
  health: ReturnType<typeof createHealthHandler>;
}

/**
 * The relay wired once, for production, the playground, the tests and the benchmark alike:
 * the handlers over one settings source, robots reached through their platforms by the
 * kept-alive transport, each robot paced by its platform's limits.
 */
export function createRelay(deps: RelayDeps): Relay {
  const { settings, now, logger } = deps;
  const post = createKeepAlivePost(deps.httpPost ?? createKeepAliveHttpPost());
  const deliverer = withRobotThrottle(createDirectDeliverer({ post, now, ...deps.attempts }), {
    now,
    limitsFor: deps.rateLimits,
  });
  const webhook = createWebhookHandler({
    settings,
    platforms: deps.platforms ?? PLATFORMS,
    deliverer,
    duplicates: createDuplicateSuppressor({ now }),
    replays: deps.replays ?? createMemoryReplayStore({ now }),
    now,
    logger,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
  });
  const health = createHealthHandler({ settings, logger, version: deps.version });
  return { webhook, health };
}
