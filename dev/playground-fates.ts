import type { QueueMessageBody } from '../lib/delivery/ports';
import type { DeliveryOutcome } from '../lib/delivery/outcome';
import type { PlatformName } from '../lib/platforms/infer-platform';
import {
  contractOf,
  spansText,
  type ContractDelivery,
  type FateEntry,
} from './playground-fate-entry';

export {
  FINAL_FATES,
  type ContractDelivery,
  type Fate,
  type FateEntry,
} from './playground-fate-entry';

export type FateEvent = { kind: 'fate'; entry: FateEntry } | { kind: 'cleared' };

export interface FateFeed {
  /** The webhook put an event for a robot on the queue. */
  queued(body: QueueMessageBody, platform: PlatformName, request: number | null): void;
  /** The consumer's `observe`. */
  observe(outcome: DeliveryOutcome): void;
  deliveries(): ContractDelivery[];
  entries(): FateEntry[];
  subscribe(listener: (event: FateEvent) => void): () => void;
  /** Forgets the list; events still in flight show again when their fate changes. */
  clear(): void;
  close(): void;
}

/** Events remembered for their labels; the oldest are forgotten first. */
const MAX_EVENTS = 10_000;

/** Enough steps to show "deferred, deferred, merged" without growing for a stuck event. */
const MAX_HISTORY = 12;

type EventInfo = Pick<
  FateEntry,
  'request' | 'kind' | 'action' | 'repository' | 'summary' | 'platform'
>;

const UNKNOWN_EVENT: Omit<EventInfo, 'platform'> = {
  request: null,
  kind: null,
  action: null,
  repository: null,
  summary: null,
};

/**
 * One entry per event and robot (an event key names both), updated in place as the consumer
 * reports, listed by arrival, newest first. What each event was is remembered apart from the
 * list, so a fate that arrives after a clear still says which event it is about.
 */
export function createFateFeed(now: () => number): FateFeed {
  const entries = new Map<string, FateEntry>();
  const events = new Map<string, EventInfo>();
  const listeners = new Set<(event: FateEvent) => void>();
  const notify = (event: FateEvent) => {
    for (const listener of listeners) listener(event);
  };

  function update(key: string, robot: string, platform: PlatformName | null, change: FateChange) {
    const at = now();
    const held = entries.get(key);
    const next: FateEntry = {
      event: key,
      robot,
      // A removed robot's outcome has no platform; the one it was queued for still holds.
      platform: platform ?? held?.platform ?? events.get(key)?.platform ?? null,
      ...withoutPlatform(events.get(key) ?? UNKNOWN_EVENT),
      ...change,
      changedAt: at,
      history: [...(held?.history ?? []), { fate: change.fate, at, ...details(change) }].slice(
        -MAX_HISTORY,
      ),
    };
    // A Map keeps the first arrival's place: an update never moves an entry up the list.
    entries.set(key, next);
    notify({ kind: 'fate', entry: next });
  }

  return {
    queued(body, platform, request) {
      if (events.size >= MAX_EVENTS) events.delete(events.keys().next().value ?? '');
      events.set(body.key, {
        platform,
        request,
        kind: body.event.kind,
        action: body.event.action,
        repository: body.event.repository,
        summary: spansText(body.view.headline),
      });
      const held = entries.get(body.key);
      if (held === undefined) return update(body.key, body.robot, platform, { fate: 'queued' });
      // The consumer was quicker than the enqueue's answer: keep its fate, add what the event is.
      const described = { ...held, ...withoutPlatform(events.get(body.key)!), platform };
      entries.set(body.key, described);
      notify({ kind: 'fate', entry: described });
    },
    observe(outcome) {
      const digestOf = outcome.digestOf ?? (outcome.fate === 'merged' ? outcome.keys : undefined);
      for (const key of outcome.keys) {
        update(key, outcome.robot, outcome.platform, {
          fate: outcome.fate,
          ...(outcome.until === undefined ? {} : { until: outcome.until }),
          ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
          ...(digestOf === undefined ? {} : { digestOf: [...digestOf] }),
        });
      }
    },
    deliveries: () => [...entries.values()].reverse().map(contractOf),
    entries: () => [...entries.values()].reverse(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear() {
      entries.clear();
      notify({ kind: 'cleared' });
    },
    close: () => listeners.clear(),
  };
}

function withoutPlatform(info: Omit<EventInfo, 'platform'>): Omit<EventInfo, 'platform'> {
  const { request, kind, action, repository, summary } = info;
  return { request, kind, action, repository, summary };
}

type FateChange = Pick<ContractDelivery, 'fate' | 'until' | 'reason' | 'digestOf'>;

function details(change: FateChange): { until?: number; reason?: string } {
  return {
    ...(change.until === undefined ? {} : { until: change.until }),
    ...(change.reason === undefined ? {} : { reason: change.reason }),
  };
}
