import type { PacingStore, QueueSender } from '../delivery/ports';
import type { ParsedDelivery } from '../gitee/event';
import type { GiteeAuthMode } from '../gitee/verify';
import type { Logger } from '../logger';
import type { WriteMetrics } from '../metrics/emf';
import type { Platforms } from '../platforms';
import type { RouteTarget } from '../routing/route-delivery';
import type { Deliverer } from '../send/types';
import type { SettingsSource } from '../settings/source';
import type { Settings } from '../settings/types';
import type { QueuedResult } from './queue-answers';

/** What queue mode adds to the webhook (createRelay's `delivery: { mode: 'queue', … }`). */
export interface QueueDelivery {
  queue: QueueSender;
  /** The robots' pacing items, where a ping takes its slot; null: every ping is queued. */
  store: PacingStore | null;
  /** Sends the Test button's message now: no local throttle, the pacing item is the pace. */
  deliverer: Deliverer;
  metrics: WriteMetrics;
  /** Longest wait for the table when taking a ping's slot; default 1000 ms. */
  storeTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface QueueStageDeps extends QueueDelivery {
  platforms: Platforms;
  source: SettingsSource;
  now: () => number;
  logger: Logger;
}

export interface QueueStageInput {
  delivery: ParsedDelivery;
  auth: GiteeAuthMode;
  settings: Settings;
  targets: readonly RouteTarget[];
  giteeTimestamp: string | undefined;
  receivedAt: number;
  deadline: number;
}

/** The robots whose message the queue did not take, counted into EnqueueFailed. */
export function countNotQueued(results: readonly QueuedResult[], metrics: WriteMetrics): number {
  const failed = results.filter((result) => !result.queued).length;
  if (failed > 0) metrics({ EnqueueFailed: failed });
  return failed;
}
