import type { ReceivedMessage, RobotEmulator } from './dingtalk-robot';
import { renderPreview, type MessagePreview } from './render-preview';

/** GET /playground/messages (contract): exactly these fields, newest first. */
export interface ContractMessage {
  robot: string;
  msgtype: string;
  message: unknown;
  errcode: number | null;
  errmsg: string;
  receivedAt: string;
}

export type FeedEvent = { kind: 'message'; preview: MessagePreview } | { kind: 'cleared' };

export interface PlaygroundFeed {
  messages(): ContractMessage[];
  previews(): MessagePreview[];
  subscribe(listener: (event: FeedEvent) => void): () => void;
  /** Forgets every message (and the emulator's rate counts). */
  clear(): void;
  close(): void;
}

/**
 * What the emulated robots received, kept with its preview rendered once on arrival, for the
 * JSON endpoints and the page's live stream.
 */
export function createPlaygroundFeed(emulator: RobotEmulator): PlaygroundFeed {
  const entries: { received: ReceivedMessage; preview: MessagePreview }[] = [];
  const listeners = new Set<(event: FeedEvent) => void>();
  let nextId = 1;
  const notify = (event: FeedEvent) => {
    for (const listener of listeners) listener(event);
  };
  const unsubscribe = emulator.onMessage((received) => {
    const preview = renderPreview(nextId++, received);
    entries.push({ received, preview });
    notify({ kind: 'message', preview });
  });
  return {
    messages: () =>
      entries
        .map(({ received: r }) => ({
          robot: r.robot,
          msgtype: r.msgtype,
          message: r.message,
          errcode: r.errcode,
          errmsg: r.errmsg,
          receivedAt: r.receivedAt,
        }))
        .reverse(),
    previews: () => entries.map((entry) => entry.preview).reverse(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear() {
      emulator.reset();
      entries.length = 0;
      notify({ kind: 'cleared' });
    },
    close() {
      unsubscribe();
      listeners.clear();
    },
  };
}
