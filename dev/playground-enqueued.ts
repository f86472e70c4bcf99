import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueueEntry, QueueMessageBody, QueueSender } from '../lib/delivery/ports';
import type { PlatformName } from '../lib/platforms/infer-platform';
import type { SettingsSource } from '../lib/settings/source';
import type { FateFeed } from './playground-fates';

/** One webhook request as the playground counts them, and the event keys it queued. */
export interface TrackedRequest {
  id: number;
  keys: string[];
}

/**
 * Which webhook request an enqueue belongs to. Requests run side by side (a burst posts 40 at
 * once), so a counter or a "last request" would mix them up; the async context follows each
 * request into the queue sender it calls.
 */
export interface RequestTracker {
  track<T>(run: () => Promise<T>): Promise<{ result: T; keys: string[] }>;
  current(): TrackedRequest | undefined;
}

export function createRequestTracker(): RequestTracker {
  const storage = new AsyncLocalStorage<TrackedRequest>();
  let nextId = 1;
  return {
    async track(run) {
      const request: TrackedRequest = { id: nextId++, keys: [] };
      const result = await storage.run(request, run);
      return { result, keys: request.keys };
    },
    current: () => storage.getStore(),
  };
}

export interface WatchDeps {
  feed: FateFeed;
  tracker: RequestTracker;
  settings: SettingsSource;
}

/**
 * The webhook's queue sender, telling the fate feed about every entry the queue took: those
 * events are now `queued`, and the request that sent them can name their keys.
 */
export function watchQueueSender(sender: QueueSender, deps: WatchDeps): QueueSender {
  return {
    async sendBatch(entries, signal) {
      const results = await sender.sendBatch(entries, signal);
      const taken = new Set(results.filter((result) => result.ok).map((result) => result.id));
      const request = deps.tracker.current();
      for (const entry of entries) {
        const body = taken.has(entry.id) ? eventBodyOf(entry) : null;
        if (body === null) continue;
        request?.keys.push(body.key);
        deps.feed.queued(body, await platformOf(deps.settings, body.robot), request?.id ?? null);
      }
      return results;
    },
  };
}

/** The robot's platform in the settings the webhook just used (DingTalk if it is gone). */
async function platformOf(settings: SettingsSource, robot: string): Promise<PlatformName> {
  try {
    const current = await settings.get();
    return current.robots.find((each) => each.name === robot)?.platform ?? 'dingtalk';
  } catch {
    return 'dingtalk';
  }
}

/** An event message's body; flush tokens and anything unreadable are not events. */
function eventBodyOf(entry: QueueEntry): QueueMessageBody | null {
  try {
    const body = JSON.parse(entry.body) as Partial<QueueMessageBody>;
    const isEvent =
      typeof body.key === 'string' &&
      typeof body.robot === 'string' &&
      typeof body.event === 'object' &&
      body.event !== null &&
      typeof body.view === 'object';
    return isEvent ? (body as QueueMessageBody) : null;
  } catch {
    return null;
  }
}
