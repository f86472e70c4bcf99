/**
 * One fate as GET /playground/deliveries lists it (the contract) and as the page draws it
 * (with what the event was and how its fate changed).
 */
import type { DeliveryFate } from '../lib/delivery/outcome';
import type { PlatformName } from '../lib/platforms/infer-platform';
import type { Span } from '../lib/view/event-view';

export type Fate = DeliveryFate;

/** Fates after which nothing more happens to the event. */
export const FINAL_FATES: ReadonlySet<Fate> = new Set(['sent', 'merged', 'dead-lettered']);

/** GET /playground/deliveries (contract): exactly these fields, newest first. */
export interface ContractDelivery {
  /** The event's key: its queue message's deduplication id, as `digestOf` names events. */
  event: string;
  robot: string;
  /** null: the robot left the settings before its platform was known here. */
  platform: PlatformName | null;
  fate: Fate;
  /** Deferred until then (epoch ms). */
  until?: number;
  reason?: string;
  /** The events of the digest this one was merged into, itself included. */
  digestOf?: string[];
}

/** The page's richer form: what the event was, which request brought it, and its history. */
export interface FateEntry extends ContractDelivery {
  /** The playground's number for the webhook request that queued it (null: not seen). */
  request: number | null;
  kind: string | null;
  action: string | null;
  repository: string | null;
  /** The event's headline as plain text, e.g. "kit101 pushed tag v1.4.0". */
  summary: string | null;
  changedAt: number;
  history: { fate: Fate; at: number; until?: number; reason?: string }[];
}

/** The contract's fields of an entry, the optional ones only when set. */
export function contractOf(entry: FateEntry): ContractDelivery {
  const { event, robot, platform, fate, until, reason, digestOf } = entry;
  return {
    event,
    robot,
    platform,
    fate,
    ...(until === undefined ? {} : { until }),
    ...(reason === undefined ? {} : { reason }),
    ...(digestOf === undefined ? {} : { digestOf }),
  };
}

/** A view's headline as a person reads it, without markup. */
export function spansText(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      switch (span.kind) {
        case 'word':
        case 'user':
          return span.text;
        case 'person':
          return span.person.name;
        case 'link':
          return spansText(span.label);
      }
    })
    .join('');
}
