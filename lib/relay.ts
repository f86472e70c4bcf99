import type { PacingStore, QueueSender } from './delivery/ports';
import { createHealthHandler } from './health-handler';
import { createKeepAliveHttpPost, type HttpPost } from './http/keep-alive-post';
import type { Logger } from './logger';
import { noMetrics, type WriteMetrics } from './metrics/emf';
import { PLATFORMS, type Platforms } from './platforms';
import { withMemoryFallback } from './routing/claims-fallback';
import { createDuplicateSuppressor } from './routing/duplicate-suppressor';
import { createMemoryReplayStore } from './routing/replay-memory';
import type { ReplayStore } from './routing/replay-store';
import { createDirectDeliverer, createKeepAlivePost } from './send/direct';
import type { PostJson } from './send/send-one';
import { withRobotThrottle, type RateLimitsFor } from './send/throttle';
import type { SettingsSource } from './settings/source';
import { createWebhookHandler, type WebhookDeps, type WebhookLimits } from './webhook-handler';

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
  /** Direct (the default): the webhook sends. Queue: it enqueues for the deliver function. */
  delivery?: DeliveryOption;
  /** EMF counters (EnqueueFailed); default none. */
  metrics?: WriteMetrics;
}

/**
 * Queue mode's ports (issue 11): the delivery queue, and the delivery table's pacing items
 * (a ping's slot), replay records (`replay#`) and PR-burst claims (`burst#`), shared by every
 * container. A table that fails or is slow falls back to this container's memory for the
 * replay and burst checks (lib/routing/claims-fallback.ts) and to the queue for pings.
 */
export interface QueueMode {
  mode: 'queue';
  queue: QueueSender;
  /** null: no table configured, every ping is queued. */
  store: PacingStore | null;
  replays: ReplayStore;
  bursts: ReplayStore;
  /** The pause between enqueue retries; a simulation on a virtual clock passes its own. */
  sleep?: (ms: number) => Promise<void>;
}

export type DeliveryOption = { mode: 'direct' } | QueueMode;

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
  const delivery = deps.delivery ?? { mode: 'direct' };
  const webhook = createWebhookHandler({
    settings,
    platforms: deps.platforms ?? PLATFORMS,
    now,
    logger,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    ...(delivery.mode === 'queue' ? queueParts(deps, delivery, post) : directParts(deps, post)),
  });
  const health = createHealthHandler({
    settings,
    logger,
    version: deps.version,
    deliveryMode: delivery.mode,
  });
  return { webhook, health };
}

type ModeParts = Pick<WebhookDeps, 'deliverer' | 'duplicates' | 'replays' | 'queued'>;

/** Direct: each robot paced by this container's throttle, duplicates remembered here. */
function directParts(deps: RelayDeps, post: PostJson): ModeParts {
  const { now } = deps;
  return {
    deliverer: withRobotThrottle(createDirectDeliverer({ post, now, ...deps.attempts }), {
      now,
      limitsFor: deps.rateLimits,
    }),
    duplicates: createDuplicateSuppressor({ now }),
    replays: deps.replays ?? createMemoryReplayStore({ now }),
  };
}

/**
 * Queue: the table's claims with this container's memory behind them, and pings sent without
 * the local throttle (the pacing item they take a slot in is every container's pace).
 */
function queueParts(deps: RelayDeps, queue: QueueMode, post: PostJson): ModeParts {
  const { now, logger } = deps;
  const fallback = (check: string) => ({
    onFallback: (problem: unknown) =>
      logger.warn(`${check} check used this container's memory: delivery table unavailable`, {
        problem: problem instanceof Error ? problem.name : typeof problem,
      }),
  });
  const deliverer = createDirectDeliverer({ post, now, ...deps.attempts });
  const memory = createMemoryReplayStore({ now });
  const bursts = withMemoryFallback(
    queue.bursts,
    createMemoryReplayStore({ now }),
    fallback('burst'),
  );
  return {
    deliverer,
    duplicates: createDuplicateSuppressor({ now, claims: bursts }),
    replays: withMemoryFallback(queue.replays, memory, fallback('replay')),
    queued: {
      queue: queue.queue,
      store: queue.store,
      deliverer,
      metrics: deps.metrics ?? noMetrics,
      ...(queue.sleep ? { sleep: queue.sleep } : {}),
    },
  };
}
